package com.example.authserver.clients;

import com.example.authserver.system.InsecureSetting;
import com.example.authserver.system.ProductionCheck;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/** In production no client may keep a development secret: they are published in the README. */
@Component
class DevelopmentSecretGuard implements ProductionCheck {

    private static final Map<String, String> DEVELOPMENT_SECRETS = new TreeMap<>(Map.of(
            "m2m.client", Clients.M2M_DEVELOPMENT_SECRET,
            "interactive", Clients.INTERACTIVE_DEVELOPMENT_SECRET,
            "exchange.client", Clients.EXCHANGE_DEVELOPMENT_SECRET,
            "legacy.client", Clients.LEGACY_DEVELOPMENT_SECRET,
            "ciba.client", Clients.CIBA_DEVELOPMENT_SECRET,
            "par.client", Clients.PAR_DEVELOPMENT_SECRET));

    private final RegisteredClientRepository repository;

    private final ClientSecretHashing hashing;

    DevelopmentSecretGuard(RegisteredClientRepository repository, ClientSecretHashing hashing) {
        this.repository = repository;
        this.hashing = hashing;
    }

    @Override
    public List<InsecureSetting> problems() {
        return DEVELOPMENT_SECRETS.entrySet().stream()
                .filter(entry -> {
                    RegisteredClient client = repository.findByClientId(entry.getKey());
                    return client != null && hashing.matches(entry.getValue(), client.getClientSecret());
                })
                .map(entry -> new InsecureSetting(
                        "the secret of client '" + entry.getKey() + "'",
                        "still the published development secret; give the client a new secret or delete it"))
                .toList();
    }
}
