package com.example.authserver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.mcp.McpServerTestBeans.RunningMcpServer;
import com.example.authserver.support.TestServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * The walkthrough's MCP server on its own: what it publishes, and which tokens it takes. The tokens are signed here
 * with the authorization server's own key ({@link JwtEncoder}), each changed in one way from a good one, so that every
 * check of {@link McpServerSecurity} is seen to refuse; {@link McpAuthorizationFlowTests} gets its tokens the real way.
 */
@McpServerTest
class McpServerTests {

    @Autowired
    TestServer server;

    @Autowired
    RunningMcpServer mcpServer;

    @Autowired
    JwtEncoder authorizationServerKey;

    McpCalls mcp;

    String resource;

    @BeforeEach
    void setUp() {
        resource = mcpServer.requiredResourceUri();
        mcp = new McpCalls(resource);
    }

    @Test
    void aCallWithoutTokenGets401NamingTheResourceMetadata() throws Exception {
        HttpResponse<String> response = mcp.initializeOverHttp(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(McpCalls.challengeParameters(response))
                .doesNotContainKey("error")
                .containsEntry(
                        "resource_metadata", "http://127.0.0.1:" + mcpServer.port() + McpServerSecurity.METADATA_PATH);
    }

    @Test
    void theResourceMetadataNamesTheResourceTheAuthorizationServerAndTheScope() throws Exception {
        for (String path : List.of(McpServerSecurity.METADATA_PATH, McpServerSecurity.METADATA_PATH + "/mcp")) {
            Map<String, Object> metadata = mcp.json("http://127.0.0.1:" + mcpServer.port() + path);

            assertThat(metadata)
                    .as(path)
                    .containsEntry("resource", resource)
                    .containsEntry("authorization_servers", List.of(server.issuer()))
                    .containsEntry("scopes_supported", List.of("mcp:tools"))
                    .containsEntry("bearer_methods_supported", List.of("header"))
                    .containsEntry("tls_client_certificate_bound_access_tokens", false);
        }
    }

    @Test
    void theResourceMetadataNamesTheConfiguredResourceWhateverTheHostHeaderSays() throws Exception {
        // the server also answers on "localhost": the resource, and so the audience, stays the configured one
        Map<String, Object> metadata =
                mcp.json("http://localhost:" + mcpServer.port() + McpServerSecurity.METADATA_PATH + "/mcp");

        assertThat(metadata).containsEntry("resource", resource);
    }

    @Test
    void anAccessTokenForThisServerWithTheScopeCallsTheTool() throws Exception {
        String token = sign(accessToken().build(), "at+jwt");

        try (McpSyncClient client = mcp.client(token)) {
            client.initialize();
            CallToolResult result = client.callTool(new CallToolRequest(McpEndpoint.WHOAMI, Map.of()));

            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(((TextContent) result.content().get(0)).text()).isEqualTo("sub=user-1 client_id=interactive");
        }
    }

    @Test
    void aGoodTokenFromAWebPageOrUnderAnotherHostNameIsRefused() throws Exception {
        String token = sign(accessToken().build(), "at+jwt");
        URI endpoint = URI.create(resource);

        assertThat(mcp.initializeOverHttp(endpoint, token, "", Map.of()).statusCode())
                .as("the same call, as an MCP client sends it")
                .isEqualTo(200);
        assertThat(mcp.initializeOverHttp(endpoint, token, "", Map.of("Origin", "http://evil.example"))
                        .statusCode())
                .as("from a web page")
                .isEqualTo(403);
        // a name that resolves to this server (DNS rebinding) arrives with that name as Host
        URI otherName = URI.create("http://localhost:" + endpoint.getPort() + endpoint.getRawPath());
        assertThat(mcp.initializeOverHttp(otherName, token, "", Map.of()).statusCode())
                .as("under another host name: 421 Misdirected Request")
                .isEqualTo(421);
    }

    @Test
    void aTokenWithoutTheScopeGets403InsufficientScope() throws Exception {
        String token = sign(accessToken().claim("scope", "scope1").build(), "at+jwt");

        HttpResponse<String> response = mcp.initializeOverHttp(token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(McpCalls.challengeParameters(response))
                .containsEntry("error", "insufficient_scope")
                .containsEntry("scope", "mcp:tools")
                .containsKey("resource_metadata");
        assertThatThrownBy(() -> {
                    try (McpSyncClient client = mcp.client(token)) {
                        client.initialize();
                    }
                })
                .isNotNull();
    }

    @Test
    void aTokenWithoutAtJwtTypeIsRefused() throws Exception {
        // what an ID token or any other JWT of the same issuer looks like: typ JWT
        assertRefusedAsInvalid(sign(accessToken().build(), "JWT"));
        assertRefusedAsInvalid(sign(accessToken().build(), null));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefusedAsInvalid(
                sign(accessToken().audience(List.of("http://127.0.0.1:8081/")).build(), "at+jwt"));
        assertRefusedAsInvalid(
                sign(accessToken().audience(List.of("interactive")).build(), "at+jwt"));
        // the development URI of the resource is another server's once the resource moved
        assertRefusedAsInvalid(sign(
                accessToken().audience(List.of("http://127.0.0.1:8090/mcp")).build(), "at+jwt"));
    }

    @Test
    void aTokenOfAnotherIssuerOrExpiredOrWithoutClientIsRefused() throws Exception {
        assertRefusedAsInvalid(sign(accessToken().issuer("http://127.0.0.1:1").build(), "at+jwt"));
        assertRefusedAsInvalid(sign(
                accessToken()
                        .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                        .build(),
                "at+jwt"));
        assertRefusedAsInvalid(
                sign(accessToken().claims(claims -> claims.remove("client_id")).build(), "at+jwt"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        // everything right but the signature: a key of the attacker's, with the server's key id
        RSAKey attackerKey =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JwtClaimsSet claims = accessToken().build();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType("at+jwt"))
                        .keyID(attackerKey.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(server.issuer())
                        .subject("user-1")
                        .audience(resource)
                        .claim("client_id", "interactive")
                        .claim("scope", "mcp:tools")
                        .jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(claims.getIssuedAt()))
                        .expirationTime(Date.from(claims.getExpiresAt()))
                        .build());
        forged.sign(new RSASSASigner(attackerKey));

        assertRefusedAsInvalid(forged.serialize());
    }

    @Test
    void aGoodTokenInTheQueryIsNotTaken() throws Exception {
        // RFC 9728 metadata says bearer_methods_supported: header; a token in a URL ends up in logs
        String token = sign(accessToken().build(), "at+jwt");

        HttpResponse<String> response = mcp.initializeOverHttp(null, "?access_token=" + token);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedBearerTokenIsRefused() throws Exception {
        assertRefusedAsInvalid("not-a-jwt");
        assertRefusedAsInvalid("e30.e30.");
    }

    private void assertRefusedAsInvalid(String token) throws Exception {
        HttpResponse<String> response = mcp.initializeOverHttp(token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(McpCalls.challengeParameters(response))
                .containsEntry("error", "invalid_token")
                .containsKey("resource_metadata");
    }

    /** A good access token for the MCP server, as RFC 9068 describes it: change one thing to make a bad one. */
    private JwtClaimsSet.Builder accessToken() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
                .issuer(server.issuer())
                .subject("user-1")
                .audience(List.of(resource))
                .claim("client_id", "interactive")
                .claim("scope", "mcp:tools")
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)));
    }

    /** Signed with the authorization server's current key; {@code type} the JOSE header {@code typ}, or none. */
    private String sign(JwtClaimsSet claims, String type) {
        JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256);
        if (type != null) {
            header.type(type);
        }
        return authorizationServerKey
                .encode(JwtEncoderParameters.from(header.build(), claims))
                .getTokenValue();
    }
}
