/** Rate limits of sign-in and the account forms, per client address and per account, in memory or in the database. */
package com.example.authserver.ratelimit;
