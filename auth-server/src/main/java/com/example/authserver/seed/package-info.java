/** Development data, upserted at start-up outside the prod profile. */
package com.example.authserver.seed;
