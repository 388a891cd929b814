package com.example.authserver.metadatadocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.clients.ConsentSettings;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The checks of a fetched document and of the client id URL itself. */
class MetadataDocumentTests {

    static final String URL = "https://agent.example.com/oauth/client.json";

    static final Set<String> OPEN_SCOPES = Set.of("mcp:tools");

    static RegisteredClient parse(String body) throws Exception {
        return MetadataDocument.parse(URL, URI.create(URL), body, OPEN_SCOPES);
    }

    static String document(String more) {
        return "{\"client_id\":\"" + URL + "\",\"redirect_uris\":[\"http://127.0.0.1:3000/callback\"]" + more + "}";
    }

    @Test
    void aDocumentBecomesAPublicClientWithPkceAndConsentEachTime() throws Exception {
        RegisteredClient client =
                parse(document(",\"client_name\":\"Agent\",\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                        + "\"token_endpoint_auth_method\":\"none\",\"scope\":\"openid mcp:tools\""));

        assertThat(client.getClientId()).isEqualTo(URL);
        assertThat(client.getId()).startsWith("cimd-").hasSizeLessThanOrEqualTo(100);
        assertThat(client.getClientName()).isEqualTo("Agent");
        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
        assertThat(client.getClientSecret()).isNull();
        assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "mcp:tools");
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(ConsentSettings.alwaysAsks(client)).isTrue();
        assertThat(MetadataDocument.describes(client)).isTrue();
    }

    @Test
    void withoutScopeTheClientMayAskForTheOpenOnes() throws Exception {
        assertThat(parse(document("")).getScopes()).containsExactlyInAnyOrder("openid", "profile", "mcp:tools");
    }

    @Test
    void aDocumentNamingAnotherClientIdIsRefused() {
        String other = "{\"client_id\":\"https://agent.example.com/other.json\","
                + "\"redirect_uris\":[\"http://127.0.0.1:3000/callback\"]}";
        assertThatThrownBy(() -> parse(other)).hasMessageContaining("client_id");
        assertThatThrownBy(() -> parse(document("").replace(URL, URL + "/"))).hasMessageContaining("client_id");
    }

    @Test
    void aDocumentClaimingASecretIsRefused() {
        assertThatThrownBy(() -> parse(document(",\"client_secret\":\"s3cr3t\"")))
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> parse(document(",\"client_secret_expires_at\":0")))
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> parse(document(",\"token_endpoint_auth_method\":\"client_secret_basic\"")))
                .hasMessageContaining("token_endpoint_auth_method");
        assertThatThrownBy(() -> parse(document(",\"token_endpoint_auth_method\":\"private_key_jwt\"")))
                .hasMessageContaining("token_endpoint_auth_method");
    }

    @Test
    void scopesAndGrantsBeyondThePolicyAreRefused() {
        assertThatThrownBy(() -> parse(document(",\"scope\":\"openid scope1\"")))
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> parse(document(",\"scope\":\"email\""))).hasMessageContaining("scope");
        assertThatThrownBy(() -> parse(document(",\"grant_types\":[\"client_credentials\"]")))
                .hasMessageContaining("grant_types");
        assertThatThrownBy(() -> parse(document(",\"grant_types\":[\"authorization_code\",\"implicit\"]")))
                .hasMessageContaining("grant_types");
        assertThatThrownBy(() -> parse(document(",\"response_types\":[\"token\"]")))
                .hasMessageContaining("response_types");
    }

    @Test
    void redirectUrisMustBePresentAndSafe() {
        assertThatThrownBy(() -> parse("{\"client_id\":\"" + URL + "\"}")).hasMessageContaining("redirect_uris");
        assertThatThrownBy(() -> parse("{\"client_id\":\"" + URL + "\",\"redirect_uris\":[]}"))
                .hasMessageContaining("redirect_uris");
        for (String bad : new String[] {
            "javascript:alert(1)", "http://evil.example.com/cb", "https://a.example/cb#x", "https://a.example/a,b", "cb"
        }) {
            assertThat(MetadataDocument.acceptableRedirectUri(bad)).as(bad).isFalse();
        }
        for (String good :
                new String[] {"https://app.example.com/cb", "http://127.0.0.1/cb", "net.example.app:/oauth2redirect"}) {
            assertThat(MetadataDocument.acceptableRedirectUri(good)).as(good).isTrue();
        }
    }

    @Test
    void somethingThatIsNotAJsonObjectIsRefused() {
        for (String body :
                new String[] {"not json", "[1,2]", "\"text\"", "null", "{\"client_id\":1,\"client_id\":2}"}) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(DocumentFetcher.Refused.class);
        }
    }

    @Test
    void theNameIsCleanedAndCapped() {
        URI url = URI.create(URL);
        assertThat(MetadataDocument.name("Agent\u0000\u202e\nX", url)).isEqualTo("AgentX");
        assertThat(MetadataDocument.name("y".repeat(500), url)).hasSize(MetadataDocument.MAX_NAME_LENGTH);
        assertThat(MetadataDocument.name("   ", url)).isEqualTo("agent.example.com");
        assertThat(MetadataDocument.name(null, url)).isEqualTo("agent.example.com");
    }

    @Test
    void onlyHttpsUrlsWithAPathAreClientIds() {
        assertThat(ClientIdUrl.parse(URL, false)).isNotNull();
        assertThat(ClientIdUrl.parse("http://127.0.0.1:8000/client.json", true)).isNotNull();
        assertThat(ClientIdUrl.parse("http://localhost:8000/client.json", true)).isNotNull();
        for (String bad : new String[] {
            "http://127.0.0.1:8000/client.json", // loopback http outside development
            "http://agent.example.com/client.json",
            "https://agent.example.com",
            "https://agent.example.com/client.json#x",
            "https://agent.example.com/client.json?x=1",
            "https://user:pw@agent.example.com/client.json",
            "https://agent.example.com/a/../client.json",
            "https://agent.example.com/a/%2e%2e/client.json",
            "https://agent.example.com/" + "a".repeat(100),
            "ftp://agent.example.com/client.json",
            "interactive"
        }) {
            assertThat(ClientIdUrl.parse(bad, false)).as(bad).isNull();
        }
        assertThat(ClientIdUrl.parse("http://10.0.0.1/client.json", true))
                .as("http only for loopback hosts")
                .isNull();
    }
}
