package com.example.authserver.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.system.InsecureSetting;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/** The production check names an API resource that still introspects with the published development secret. */
class DevelopmentResourceSecretTests {

    final ClientSecretHashing hashing = new ClientSecretHashing();

    final RegisteredClientRepository noClients = new RegisteredClientRepository() {
        @Override
        public void save(RegisteredClient client) {}

        @Override
        public RegisteredClient findById(String id) {
            return null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return null;
        }
    };

    @Test
    void thePublishedIntrospectionSecretIsAProblemAndAnotherIsNot() {
        List<InsecureSetting> published = guard(Clients.API_DEVELOPMENT_SECRET).problems();
        List<InsecureSetting> own = guard("a-secret-of-our-own").problems();

        assertThat(published).hasSize(1);
        assertThat(published.get(0).toString()).contains("api");
        assertThat(own).isEmpty();
    }

    private DevelopmentSecretGuard guard(String secret) {
        ApiResource api = new ApiResource(
                Clients.DEVELOPMENT_API,
                "api",
                "API",
                Set.of("scope1"),
                Set.of(),
                hashing.encode(secret),
                OAuth2TokenFormat.SELF_CONTAINED);
        ApiResources resources = new ApiResources() {
            @Override
            public List<ApiResource> all() {
                return List.of(api);
            }

            @Override
            public Optional<ApiResource> findByUri(String uri) {
                return Optional.of(api);
            }

            @Override
            public Optional<ApiResource> findByName(String name) {
                return Optional.of(api);
            }
        };
        return new DevelopmentSecretGuard(noClients, hashing, resources);
    }
}
