package ${package}.clients;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Upserts the clients of {@link Clients} by client id at start-up, in development only: a client that
 * exists keeps its id and issue date, so restarts never duplicate clients or orphan their grants.
 */
@Component
@Profile("!prod")
@Order(1)
class DevelopmentClientSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentClientSeeder.class);

    private final RegisteredClientRepository repository;

    private final ClientProperties properties;

    private final ClientSecretHashing hashing;

    DevelopmentClientSeeder(RegisteredClientRepository repository, ClientProperties properties,
            ClientSecretHashing hashing) {
        this.repository = repository;
        this.properties = properties;
        this.hashing = hashing;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegisteredClient> clients = Clients.developmentClients(properties, hashing);
        clients.forEach(client -> upsert(repository, client));
        log.info("Development clients: {}", clients.stream().map(RegisteredClient::getClientId).toList());
    }

    /** Saves the client by client id: one that exists keeps its id and issue date. */
    static void upsert(RegisteredClientRepository repository, RegisteredClient client) {
        RegisteredClient existing = repository.findByClientId(client.getClientId());
        if (existing == null) {
            repository.save(client);
        }
        else {
            repository.save(RegisteredClient.from(client).id(existing.getId())
                    .clientIdIssuedAt(existing.getClientIdIssuedAt()).build());
        }
    }
}
