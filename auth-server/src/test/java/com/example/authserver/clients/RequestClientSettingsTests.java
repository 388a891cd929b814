package com.example.authserver.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.requests.RequestSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The development clients' settings for pushed and signed authorization requests, written here under the names
 * {@code requests/RequestSettings} reads (this package may not depend on that one, so the names are repeated).
 */
class RequestClientSettingsTests {

    static final String KEYS = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"rp-1\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}";

    @Test
    void theParClientMustPushItsRequests() {
        RegisteredClient par = developmentClient(new ClientProperties(), "par.client");

        assertThat(par.getClientSettings().<Boolean>getSetting(RequestSettings.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS))
                .isTrue();
        assertThat(par.getRedirectUris()).containsExactly("http://127.0.0.1:8080/login/oauth2/code/par");
        assertThat(par.getScopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(par.getClientSettings().isRequireProofKey()).isTrue();
    }

    @Test
    void theInteractiveClientGetsRequestObjectKeysOnlyWhenConfigured() {
        ClientProperties withKeys = new ClientProperties();
        withKeys.getInteractive().setJwks(KEYS);

        assertThat(developmentClient(withKeys, "interactive")
                        .getClientSettings()
                        .<String>getSetting(RequestSettings.JWKS))
                .isEqualTo(KEYS);
        assertThat(developmentClient(new ClientProperties(), "interactive")
                        .getClientSettings()
                        .getSettings())
                .doesNotContainKey(RequestSettings.JWKS)
                .doesNotContainKey(RequestSettings.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS);
    }

    private static RegisteredClient developmentClient(ClientProperties properties, String clientId) {
        List<RegisteredClient> clients = Clients.developmentClients(properties, new ClientSecretHashing(), false);
        return clients.stream()
                .filter(client -> client.getClientId().equals(clientId))
                .findFirst()
                .orElseThrow();
    }
}
