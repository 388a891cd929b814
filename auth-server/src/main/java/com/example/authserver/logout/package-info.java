/**
 * OpenID Connect Back-Channel Logout 1.0: when a session ends, each client authorized in it that registered a
 * {@code backchannel_logout_uri} gets a signed logout token, delivered from a queue in the database (db-scheduler).
 */
package com.example.authserver.logout;
