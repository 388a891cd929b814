package com.example.authserver.clients;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * A client registered as a resource server (an API) for some token audiences may introspect the tokens issued for
 * them. Without this setting a client introspects only its own tokens: a client whose tokens an API checks by
 * introspection names that API here, by the API client's settings, for example
 * {@code ClientSettings.builder().setting(ResourceServers.AUDIENCES, "interactive")}.
 */
public final class ResourceServers {

    /** Space-separated audiences (token {@code aud} values) whose tokens the client may introspect. */
    public static final String AUDIENCES = "settings.client.resource-server-audiences";

    private ResourceServers() {}

    /** The audiences the client serves as a resource server; empty for an ordinary client. */
    public static Set<String> audiencesOf(RegisteredClient client) {
        ClientSettings settings = client.getClientSettings();
        Object audiences = settings.getSetting(AUDIENCES);
        if (!(audiences instanceof String list) || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
