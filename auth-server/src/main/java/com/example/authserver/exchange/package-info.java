/**
 * Token exchange (RFC 8693): a client trades a user's access token for a new one, as the user (impersonation) or
 * acting for the user ({@code act}, delegation), within the per-client limits of clients/TokenExchangeSettings.
 */
package com.example.authserver.exchange;
