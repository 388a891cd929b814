package com.example.authserver.security;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The authorization endpoint's way of answering an error ({@link AuthorizationResponses}), for a feature that must
 * answer one before the endpoint runs: to the client's redirect URI, with {@code state} and {@code iss}.
 */
public final class AuthorizationEndpointErrors {

    private AuthorizationEndpointErrors() {}

    public static AuthenticationFailureHandler handler() {
        return AuthorizationResponses.failure();
    }
}
