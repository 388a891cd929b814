package com.example.authserver.security;

/**
 * An authorization request's error that could not be sent to the client (no client, or no redirect URI it
 * registered), as {@link AuthorizationResponses} hands it to the error page: the OAuth error code and description, and
 * the {@code client_id} and {@code redirect_uri} the request named. The page shows it in development only
 * (pages/AuthorizationErrorDetails). Text from the request: escape it and shorten it before showing it.
 */
public record AuthorizationRequestError(String error, String description, String clientId, String redirectUri) {

    /** The request attribute that carries it from the authorization endpoint to the error page. */
    public static final String ATTRIBUTE = AuthorizationRequestError.class.getName();
}
