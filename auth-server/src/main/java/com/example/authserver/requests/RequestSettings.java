package com.example.authserver.requests;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

/**
 * A client's settings for its authorization requests, as custom {@code ClientSettings} (set them with
 * {@code ClientSettings.builder().setting(name, value)}, as {@code clients/Clients} does).
 */
public final class RequestSettings {

    /** {@code true}: the client must push its authorization requests first (RFC 9126); plain ones are refused. */
    public static final String REQUIRE_PUSHED_AUTHORIZATION_REQUESTS =
            "settings.client.require-pushed-authorization-requests";

    /**
     * The client's public keys as a JWK Set (JSON), for its signed request objects; the alternative to a
     * {@code jwks_uri} ({@code ClientSettings.jwkSetUrl}).
     */
    public static final String JWKS = "settings.client.jwks";

    private RequestSettings() {}

    static boolean requiresPushedRequests(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(REQUIRE_PUSHED_AUTHORIZATION_REQUESTS));
    }

    static String jwks(RegisteredClient client) {
        Object jwks = client.getClientSettings().getSetting(JWKS);
        return jwks instanceof String json && StringUtils.hasText(json) ? json : null;
    }
}
