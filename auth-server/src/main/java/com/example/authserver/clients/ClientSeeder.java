package com.example.authserver.clients;

import com.example.authserver.seed.Seeder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Upserts clients by client id at start-up: those of {@code authforge.clients.configured} in every profile, and the
 * development clients of {@link Clients} outside the {@code prod} profile; before them the API resources, by URI
 * (those of {@code authforge.clients.resources} in every profile, the development ones outside {@code prod}). A client that exists keeps its id and
 * issue date (so restarts never duplicate clients or orphan their grants) and takes the secret, redirect URIs and
 * scopes given now. A client brought over by an import ({@link ImportedClients}) is never overwritten by a
 * development client; a configured client of the same id takes it over (logged): the configuration is the operator's
 * explicit word, for example a leaked imported secret rotated under {@code authforge.clients.configured}.
 */
@Component
class ClientSeeder implements Seeder {

    private static final Logger log = LoggerFactory.getLogger(ClientSeeder.class);

    private final RegisteredClientRepository repository;

    private final ClientProperties properties;

    private final ClientSecretHashing hashing;

    private final Environment environment;

    private final JdbcApiResources resources;

    ClientSeeder(
            RegisteredClientRepository repository,
            ClientProperties properties,
            ClientSecretHashing hashing,
            Environment environment,
            JdbcApiResources resources) {
        this.repository = repository;
        this.resources = resources;
        this.properties = properties;
        this.hashing = hashing;
        this.environment = environment;
    }

    @Override
    public void seed() {
        // resources first: a client's scopes name them
        Clients.configuredResources(properties, hashing).forEach(resources::save);
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            List<ApiResource> development = Clients.developmentResources(hashing);
            development.forEach(resources::save);
            log.info(
                    "Development API resources: {}",
                    development.stream().map(ApiResource::uri).toList());
        }
        upsertAll("Clients from configuration", Clients.configuredClients(properties, hashing), true);
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            boolean passwordGrant = environment.getProperty(Clients.PASSWORD_GRANT_ENABLED, Boolean.class, false);
            upsertAll("Development clients", Clients.developmentClients(properties, hashing, passwordGrant), false);
        }
    }

    /** @param overImported whether the clients take over imported clients of the same id (configured ones do) */
    private void upsertAll(String what, List<RegisteredClient> clients, boolean overImported) {
        for (RegisteredClient client : clients) {
            RegisteredClient existing = repository.findByClientId(client.getClientId());
            if (existing != null && ImportedClients.importedFrom(existing) != null && overImported) {
                log.info(
                        "{}: client {} takes over the client imported from {}: its settings come from the"
                                + " configuration now, and an import leaves it as it is",
                        what,
                        client.getClientId(),
                        ImportedClients.importedFrom(existing));
            } else if (existing != null && ImportedClients.importedFrom(existing) != null) {
                log.warn(
                        "{}: client {} was imported from {} and is left as it is; rename the client here",
                        what,
                        client.getClientId(),
                        ImportedClients.importedFrom(existing));
                continue;
            }
            repository.save(
                    existing == null
                            ? client
                            : RegisteredClient.from(client)
                                    .id(existing.getId())
                                    .clientIdIssuedAt(existing.getClientIdIssuedAt())
                                    .build());
        }
        if (!clients.isEmpty()) {
            log.info(
                    "{}: {}",
                    what,
                    clients.stream().map(RegisteredClient::getClientId).toList());
        }
    }
}
