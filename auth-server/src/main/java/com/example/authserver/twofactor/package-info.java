/** Two-factor sign-in with an authenticator app (TOTP) and recovery codes, and its settings pages. */
package com.example.authserver.twofactor;
