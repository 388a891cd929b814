/** The authorization store: authorizations (codes, tokens) and consents in the database, hashed, and their clean-up. */
package com.example.authserver.authorization;
