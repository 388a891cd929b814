package com.example.authserver.clients;

import java.util.Set;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/**
 * An API that accepts this server's access tokens (IdentityServer's "API resource"): its URI is the audience of the
 * tokens issued for it, written exactly as here (a trailing slash included).
 *
 * @param uri the audience, as RFC 8707 {@code resource} names it: an absolute URI without fragment
 * @param name the name the API introspects with (HTTP Basic user name), unique
 * @param displayName shown on consent pages and to administrators
 * @param scopes the scopes the API owns; a scope belongs to at most one API
 * @param registrationScopes those of {@code scopes} that clients registered dynamically may ask for
 * @param introspectionSecret the secret the API introspects with, hashed ({@link ClientSecretHashing}); null: the API
 *     does not introspect
 * @param accessTokenFormat JWT ({@code SELF_CONTAINED}, RFC 9068) or opaque ({@code REFERENCE}) access tokens
 */
public record ApiResource(
        String uri,
        String name,
        String displayName,
        Set<String> scopes,
        Set<String> registrationScopes,
        String introspectionSecret,
        OAuth2TokenFormat accessTokenFormat) {

    public ApiResource {
        scopes = Set.copyOf(scopes);
        registrationScopes = Set.copyOf(registrationScopes);
        if (!scopes.containsAll(registrationScopes)) {
            throw new IllegalArgumentException("API resource " + name + ": registration scopes must be its own scopes");
        }
    }

    public boolean owns(String scope) {
        return scopes.contains(scope);
    }
}
