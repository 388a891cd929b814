package com.example.authserver.clients;

import com.example.authserver.system.InsecureSetting;
import com.example.authserver.system.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/** In production no client or API resource may keep a development secret: they are published in the README. */
@Component
class DevelopmentSecretGuard implements ProductionCheck {

    private static final Map<String, String> DEVELOPMENT_SECRETS = new TreeMap<>(Map.of(
            "m2m.client", Clients.M2M_DEVELOPMENT_SECRET,
            "interactive", Clients.INTERACTIVE_DEVELOPMENT_SECRET,
            "exchange.client", Clients.EXCHANGE_DEVELOPMENT_SECRET,
            "legacy.client", Clients.LEGACY_DEVELOPMENT_SECRET,
            "ciba.client", Clients.CIBA_DEVELOPMENT_SECRET,
            "par.client", Clients.PAR_DEVELOPMENT_SECRET,
            "scim.client", Clients.SCIM_DEVELOPMENT_SECRET));

    private final RegisteredClientRepository repository;

    private final ClientSecretHashing hashing;

    private final ApiResources resources;

    DevelopmentSecretGuard(RegisteredClientRepository repository, ClientSecretHashing hashing, ApiResources resources) {
        this.repository = repository;
        this.hashing = hashing;
        this.resources = resources;
    }

    @Override
    public List<InsecureSetting> problems() {
        List<InsecureSetting> problems = new ArrayList<>(clientProblems());
        // the development API's introspection secret is published too
        resources.all().stream()
                .filter(resource -> resource.introspectionSecret() != null
                        && hashing.matches(Clients.API_DEVELOPMENT_SECRET, resource.introspectionSecret()))
                .map(resource -> new InsecureSetting(
                        "the introspection secret of API resource '" + resource.name() + "'",
                        "still the published development secret; give the resource a new secret or delete it"))
                .forEach(problems::add);
        return problems;
    }

    private List<InsecureSetting> clientProblems() {
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
