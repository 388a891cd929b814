package com.example.authserver.passwordgrant;

import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token request with {@code grant_type=password}: the client, the user's login and password, the scopes. */
final class PasswordGrantRequest extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String username;

    private final transient String password;

    private final Set<String> scopes;

    PasswordGrantRequest(
            Authentication client,
            String username,
            String password,
            Set<String> scopes,
            Map<String, Object> additionalParameters) {
        super(PasswordGrant.GRANT_TYPE, client, additionalParameters);
        this.username = username;
        this.password = password;
        this.scopes = Set.copyOf(scopes);
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    Set<String> scopes() {
        return scopes;
    }
}
