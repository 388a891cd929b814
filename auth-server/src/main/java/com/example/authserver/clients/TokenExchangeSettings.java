package com.example.authserver.clients;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What a client registered with the token exchange grant (RFC 8693) may exchange, as custom client settings, for
 * example {@code ClientSettings.builder().setting(TokenExchangeSettings.SUBJECT_CLIENTS, "interactive")}. A setting
 * left out allows nothing: a client with the grant but no {@link #SUBJECT_CLIENTS} can exchange no token. The names
 * live here, beside the clients that set them (like {@link ResourceServers}); the exchange itself reads them
 * (exchange/TokenExchangeChecks).
 */
public final class TokenExchangeSettings {

    /** Space-separated client ids: the client may exchange users' access tokens issued to these clients. */
    public static final String SUBJECT_CLIENTS = "settings.client.token-exchange.subject-clients";

    /**
     * Space-separated audiences (the {@code audience} and {@code resource} parameters) the client may ask for; the
     * exchanged token's {@code aud} is what it asked for, or the client itself when it named none.
     */
    public static final String AUDIENCES = "settings.client.token-exchange.audiences";

    /**
     * Space-separated scopes the client may ask for even when the subject token does not carry them (the scopes of the
     * API it calls for the user); any other scope must be in the subject token. Always within the client's scopes.
     */
    public static final String ADDED_SCOPES = "settings.client.token-exchange.added-scopes";

    private TokenExchangeSettings() {}

    public static Set<String> subjectClientsOf(RegisteredClient client) {
        return listOf(client, SUBJECT_CLIENTS);
    }

    public static Set<String> audiencesOf(RegisteredClient client) {
        return listOf(client, AUDIENCES);
    }

    public static Set<String> addedScopesOf(RegisteredClient client) {
        return listOf(client, ADDED_SCOPES);
    }

    private static Set<String> listOf(RegisteredClient client, String setting) {
        Object value = client.getClientSettings().getSetting(setting);
        if (!(value instanceof String list) || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
