package com.example.authserver.dpop;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The per-client DPoP setting, a custom {@code ClientSettings} entry. */
public final class DPoPClientSettings {

    /**
     * {@code true}: the client's token requests must carry a DPoP proof, so every token it gets is bound to its key
     * (RFC 9449's {@code dpop_bound_access_tokens} client metadata). Set with
     * {@code ClientSettings.builder().setting(DPoPClientSettings.REQUIRE_DPOP, true)}.
     */
    public static final String REQUIRE_DPOP = "settings.client.require-dpop";

    private DPoPClientSettings() {}

    static boolean requiresDPoP(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(REQUIRE_DPOP));
    }
}
