/** Passwords: forgot and reset, change, and a first password for accounts made through a provider. */
package com.example.authserver.account.password;
