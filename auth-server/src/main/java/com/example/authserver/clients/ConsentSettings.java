package com.example.authserver.clients;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A client setting that makes the consent page appear at every authorization request, even for {@code openid} alone
 * and when the user's consent was remembered: for clients nobody registered here (client ID metadata documents),
 * whose user must see each time who asks.
 */
public final class ConsentSettings {

    public static final String ALWAYS_ASK = "settings.client.always-ask-consent";

    private ConsentSettings() {}

    public static boolean alwaysAsks(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(ALWAYS_ASK));
    }
}
