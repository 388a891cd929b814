package com.example.authserver.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The start-up seeding and a client an import brought over: the operator's explicit configuration takes the client
 * over (for example to rotate a leaked imported secret); development clients never overwrite it.
 */
class ImportedClientSeedingTests {

    @Test
    void aConfiguredClientWithTheClientIdOfAnImportedOneTakesItOverKeepingItsId() {
        RegisteredClient imported = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("portal")
                .clientSecret(ClientSecretHashing.SHA512_PREFIX + "imported-hash")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .setting(ImportedClients.IMPORTED_FROM, "identityserver")
                        .build())
                .build();
        InMemoryRegisteredClientRepository repository = new InMemoryRegisteredClientRepository(imported);
        ClientProperties properties = new ClientProperties();
        ClientProperties.Configured configured = new ClientProperties.Configured();
        configured.setSecret("configured-secret");
        configured.setRedirectUris(List.of("https://portal.example.com/callback"));
        configured.setScopes(List.of("openid"));
        properties.getConfigured().put("portal", configured);
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        // no API resources are configured: the store is never used
        new ClientSeeder(
                        repository, properties, new ClientSecretHashing(), environment, JdbcApiResources.uncached(null))
                .seed();

        RegisteredClient after = repository.findByClientId("portal");
        assertThat(after.getId())
                .as("grants and consents of the client stay its own")
                .isEqualTo(imported.getId());
        assertThat(after.getClientSecret())
                .as("the configured secret replaces the imported one")
                .isNotEqualTo(imported.getClientSecret());
        assertThat(after.getRedirectUris()).containsExactly("https://portal.example.com/callback");
        assertThat(ImportedClients.importedFrom(after))
                .as("configured from now on: an import leaves it as it is")
                .isNull();
    }
}
