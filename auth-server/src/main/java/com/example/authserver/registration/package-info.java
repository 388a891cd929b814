/**
 * Dynamic client registration (RFC 7591) and its management (RFC 7592), at {@code /oauth2/register}: clients
 * register themselves, openly (public clients with loopback or https redirect URIs, rate limited per address) or with
 * an initial access token an administrator issued (confidential clients), and then read, update and delete their
 * registration with their registration access token. Not to be confused with users signing up ({@code
 * account/registration}).
 */
package com.example.authserver.registration;
