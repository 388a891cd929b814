package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0 authorization server metadata (RFC 8414, what MCP clients read) says everything OpenID Connect discovery
 * says, but for the parts only OpenID Connect defines: a client that knows only OAuth finds every endpoint, grant and
 * feature the server has.
 */
@ServerTest
class AuthorizationServerMetadataTests {

    /**
     * What only OpenID Connect defines (Discovery 1.0, Session Management, Front- and Back-Channel Logout): ID tokens,
     * UserInfo, claims, subjects, sessions and logout. Everything else belongs in both documents.
     */
    static final Set<String> OPENID_CONNECT_ONLY = Set.of(
            "userinfo_endpoint",
            "userinfo_signing_alg_values_supported",
            "userinfo_encryption_alg_values_supported",
            "userinfo_encryption_enc_values_supported",
            "id_token_signing_alg_values_supported",
            "id_token_encryption_alg_values_supported",
            "id_token_encryption_enc_values_supported",
            "subject_types_supported",
            "acr_values_supported",
            "claims_supported",
            "claim_types_supported",
            "claims_parameter_supported",
            "claims_locales_supported",
            "display_values_supported",
            "end_session_endpoint",
            "check_session_iframe",
            "frontchannel_logout_supported",
            "frontchannel_logout_session_supported",
            "backchannel_logout_supported",
            "backchannel_logout_session_supported");

    @Autowired
    TestServer server;

    @Test
    void oauthMetadataListsEveryEndpointAndFeatureOfOpenIdDiscovery() throws Exception {
        Map<String, Object> openid = fetch("/.well-known/openid-configuration");
        Map<String, Object> oauth = fetch("/.well-known/oauth-authorization-server");

        assertThat(withoutOpenIdConnectOnly(oauth)).isEqualTo(withoutOpenIdConnectOnly(openid));
        assertThat(oauth.get("scopes_supported")).asInstanceOf(LIST).contains("mcp:tools");
        assertThat(oauth.get("protected_resources"))
                .as("RFC 9728: the resources tokens may be asked for")
                .asInstanceOf(LIST)
                .contains("http://127.0.0.1:8081/", "http://127.0.0.1:8090/mcp"); // and those other tests add
    }

    @Test
    void oauthMetadataKeepsNoOpenIdConnectOnlyEntryThatDiscoveryLacks() throws Exception {
        Map<String, Object> openid = fetch("/.well-known/openid-configuration");
        Map<String, Object> oauth = fetch("/.well-known/oauth-authorization-server");

        // an OpenID Connect entry in the OAuth document is harmless only if discovery says the same
        oauth.keySet().stream()
                .filter(OPENID_CONNECT_ONLY::contains)
                .forEach(key -> assertThat(oauth.get(key)).as(key).isEqualTo(openid.get(key)));
    }

    @Test
    void bothDocumentsNameTheSameIssuerAsTheirLocation() throws Exception {
        for (String document :
                new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            // RFC 8414 section 3.3: the issuer must be the one the document was fetched for
            assertThat(fetch(document)).as(document).containsEntry("issuer", server.issuer());
        }
    }

    /**
     * The server's own bearer-token endpoints (UserInfo) name their protected-resource metadata in their 401 (RFC
     * 9728, Spring Security's default): that link must work and name this server as the resource and its issuer.
     */
    @Test
    void theUserInfoChallengeNamesResourceMetadataThatIsServed() throws Exception {
        HttpResponse<String> challenge = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.issuer() + "/userinfo"))
                                .header("Authorization", "Bearer not-a-token")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode()).isEqualTo(401);
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("resource_metadata=\"([^\"]+)\"")
                .matcher(header);
        assertThat(link.find()).as(header).isTrue();
        assertThat(link.group(1)).startsWith(server.issuer());

        Map<String, Object> metadata =
                fetch(link.group(1).substring(server.issuer().length()));
        assertThat(metadata).containsEntry("resource", server.issuer());
        assertThat(metadata.get("authorization_servers")).asInstanceOf(LIST).containsExactly(server.issuer());
    }

    private static Map<String, Object> withoutOpenIdConnectOnly(Map<String, Object> metadata) {
        Map<String, Object> shared = new TreeMap<>(metadata);
        shared.keySet().removeAll(OPENID_CONNECT_ONLY);
        return shared;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.issuer() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JsonMapper.builder().build().readValue(response.body(), Map.class);
    }
}
