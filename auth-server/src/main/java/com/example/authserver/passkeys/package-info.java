/** Passkeys (WebAuthn): registering them, signing in with them, and their manage page. */
package com.example.authserver.passkeys;
