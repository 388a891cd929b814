/**
 * CIBA (OpenID Connect Client-Initiated Backchannel Authentication), poll mode: the backchannel authentication
 * endpoint, the user's page of pending requests ({@code /ciba}) and the grant the client polls the token endpoint with.
 */
package com.example.authserver.ciba;
