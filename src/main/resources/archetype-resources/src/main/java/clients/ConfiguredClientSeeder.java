package ${package}.clients;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Upserts the clients of {@code authforge.clients.configured} by client id at start-up, in every profile: a client
 * that exists keeps its id, issue date and grants, and takes the configured secret, redirect URIs and scopes.
 */
@Component
@Order(1)
class ConfiguredClientSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredClientSeeder.class);

    private final RegisteredClientRepository repository;

    private final ClientProperties properties;

    private final ClientSecretHashing hashing;

    ConfiguredClientSeeder(RegisteredClientRepository repository, ClientProperties properties,
            ClientSecretHashing hashing) {
        this.repository = repository;
        this.properties = properties;
        this.hashing = hashing;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegisteredClient> clients = Clients.configuredClients(properties, hashing);
        clients.forEach(client -> DevelopmentClientSeeder.upsert(repository, client));
        if (!clients.isEmpty()) {
            log.info("Clients from configuration: {}", clients.stream().map(RegisteredClient::getClientId).toList());
        }
    }
}
