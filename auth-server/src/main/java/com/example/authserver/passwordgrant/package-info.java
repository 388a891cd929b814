/**
 * The resource owner password grant, opt-in ({@code authforge.password-grant.enabled}) for legacy clients: the
 * sign-in page's password check, lockout, rate limits and confirmed-email rule at the token endpoint, and no second
 * factor.
 */
package com.example.authserver.passwordgrant;
