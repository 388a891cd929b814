package com.example.authserver.clients;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Tells which clients {@link ClientSeeder} writes again at every start: those of {@code authforge.clients.configured}
 * (always) and, outside the {@code prod} profile, the development clients of {@link Clients} (unless an import brought
 * a client of that id, which seeding leaves alone). A change made to them elsewhere lasts only until the next start.
 */
@Component
public class SeededClients {

    private final ClientProperties properties;

    private final ClientSecretHashing hashing;

    private final Environment environment;

    SeededClients(ClientProperties properties, ClientSecretHashing hashing, Environment environment) {
        this.properties = properties;
        this.hashing = hashing;
        this.environment = environment;
    }

    /** Whether the next start overwrites this client with what the configuration or {@link Clients} says. */
    public boolean isSeeded(RegisteredClient client) {
        if (properties.getConfigured().containsKey(client.getClientId())) {
            return true;
        }
        if (environment.acceptsProfiles(Profiles.of("prod")) || ImportedClients.importedFrom(client) != null) {
            return false;
        }
        boolean passwordGrant = environment.getProperty(Clients.PASSWORD_GRANT_ENABLED, Boolean.class, false);
        return Clients.developmentClients(properties, hashing, passwordGrant).stream()
                .anyMatch(development -> development.getClientId().equals(client.getClientId()));
    }
}
