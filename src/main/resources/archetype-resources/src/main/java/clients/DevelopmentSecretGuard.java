package ${package}.clients;

import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/** With the {@code prod} profile, refuses to start while a client still has a development secret. */
@Component
@Profile("prod")
class DevelopmentSecretGuard implements SmartInitializingSingleton {

    private static final Map<String, String> DEVELOPMENT_SECRETS = Map.of(
            "m2m.client", Clients.M2M_DEVELOPMENT_SECRET,
            "interactive", Clients.INTERACTIVE_DEVELOPMENT_SECRET);

    private final RegisteredClientRepository repository;

    private final ClientSecretHashing hashing;

    DevelopmentSecretGuard(RegisteredClientRepository repository, ClientSecretHashing hashing) {
        this.repository = repository;
        this.hashing = hashing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        DEVELOPMENT_SECRETS.forEach((clientId, secret) -> {
            RegisteredClient client = repository.findByClientId(clientId);
            if (client != null && hashing.matches(secret, client.getClientSecret())) {
                throw new IllegalStateException("Client '" + clientId + "' still has its development secret, which "
                        + "is public. Give it a new secret (or delete it) before starting with the 'prod' profile.");
            }
        });
    }
}
