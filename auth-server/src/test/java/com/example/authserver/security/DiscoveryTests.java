package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Both discovery documents name only the client authentication methods that work here. */
@ServerTest
class DiscoveryTests {

    @Autowired
    TestServer server;

    @Test
    void clientAuthenticationMethodsAreOnlyThoseThatWork() throws Exception {
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            Map<String, Object> metadata = fetch(document);

            assertThat(metadata.get("token_endpoint_auth_methods_supported"))
                    .as(document)
                    .isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"));
            assertThat(metadata.get("revocation_endpoint_auth_methods_supported"))
                    .as(document)
                    .isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
            assertThat(metadata.get("introspection_endpoint_auth_methods_supported"))
                    .as(document)
                    .isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
            assertThat(metadata).as(document).doesNotContainKey("tls_client_certificate_bound_access_tokens");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.issuer() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readValue(response.body(), Map.class);
    }
}
