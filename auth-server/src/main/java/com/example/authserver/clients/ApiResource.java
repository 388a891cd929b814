package com.example.authserver.clients;

import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
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

    /** The setting that marks {@link #asIntrospectionCaller()}: the resource's URI. */
    private static final String INTROSPECTING_RESOURCE = "settings.client.introspecting-api-resource";

    /** A grant type no endpoint serves: the caller below can do nothing but introspect. */
    private static final AuthorizationGrantType NO_GRANT =
            new AuthorizationGrantType("urn:authforge:api-resource:introspection-only");

    public boolean owns(String scope) {
        return scopes.contains(scope);
    }

    /**
     * The resource as the caller of the introspection endpoint (which needs a registered client as its caller): never
     * stored, with no grant, no scope and no redirect URI, marked so that {@code security/IntrospectionAccess} shows it
     * only the tokens issued for it, whatever client shares its name.
     */
    public RegisteredClient asIntrospectionCaller() {
        return RegisteredClient.withId("api-resource:" + uri)
                .clientId(name)
                .clientName(displayName)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(NO_GRANT)
                .clientSettings(ClientSettings.builder()
                        .setting(INTROSPECTING_RESOURCE, uri)
                        .build())
                .build();
    }

    /** The URI of the resource {@code client} stands for ({@link #asIntrospectionCaller()}); null for a client. */
    public static String introspectingResource(RegisteredClient client) {
        return client.getClientSettings().getSetting(INTROSPECTING_RESOURCE) instanceof String uri ? uri : null;
    }
}
