package com.example.authserver.clients;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Clients that registered themselves (dynamic client registration, {@code registration/}) carry
 * {@link #SELF_REGISTERED} in their settings, so the consent page can tell users that nobody vouched for the name
 * the client gave itself, and show where it would send them back to.
 */
public final class SelfRegisteredClients {

    /** True for a client that registered itself. */
    public static final String SELF_REGISTERED = "settings.client.self-registered";

    private SelfRegisteredClients() {}

    public static boolean isSelfRegistered(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(SELF_REGISTERED));
    }

    /** The hosts of the client's redirect URIs (with the port, for loopback ones), sorted. */
    public static Set<String> redirectHosts(RegisteredClient client) {
        Set<String> hosts = new TreeSet<>();
        for (String redirectUri : client.getRedirectUris()) {
            try {
                URI uri = new URI(redirectUri);
                if (uri.getHost() != null) {
                    hosts.add(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
                }
            } catch (URISyntaxException unreadable) {
                // registration accepts only URIs with a host; anything else is not shown
            }
        }
        return hosts;
    }
}
