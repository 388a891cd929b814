package com.example.authserver.samples.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MCP server on a random port, trusting a stub authorization server: an MCP client with a valid token calls the
 * tool; without a token the answer points to the metadata, which names the authorization server; a token without
 * the scope or for another resource is refused.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "mcp.resource-uri=http://127.0.0.1:${local.server.port}/mcp")
class McpServerTests {

    private static final StubAuthorizationServer authorizationServer = new StubAuthorizationServer();

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void trustTheStub(DynamicPropertyRegistry properties) {
        properties.add("mcp.authorization-server", authorizationServer::issuer);
    }

    @AfterAll
    static void stopTheStub() {
        authorizationServer.stop();
    }

    @Test
    void aClientWithATokenCallsTheTool() {
        String token = authorizationServer.token(resource(), "mcp:tools", claims -> claims);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base())
                .endpoint("/mcp")
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT)
                .build()) {
            client.initialize();
            CallToolResult result = client.callTool(new McpSchema.CallToolRequest("whoami", Map.of()));

            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(((McpSchema.TextContent) result.content().get(0)).text())
                    .isEqualTo("sub=alice-id client_id=interactive");
        }
    }

    @Test
    void withoutATokenTheAnswerPointsToTheMetadata() throws Exception {
        HttpResponse<String> call = initialize(null);

        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge)
                        .contains("resource_metadata=\"" + base() + "/.well-known/oauth-protected-resource"));

        HttpResponse<String> metadata = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/.well-known/oauth-protected-resource/mcp"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body())
                .contains("\"resource\":\"" + resource() + "\"")
                .contains(authorizationServer.issuer())
                .contains("mcp:tools");
    }

    @Test
    void aTokenWithoutTheScopeIsForbidden() throws Exception {
        HttpResponse<String> call = initialize(authorizationServer.token(resource(), "scope1", claims -> claims));

        assertThat(call.statusCode()).isEqualTo(403);
        assertThat(call.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge ->
                        assertThat(challenge).contains("insufficient_scope").contains("scope=\"mcp:tools\""));
    }

    @Test
    void aTokenForAnotherResourceIsRefused() throws Exception {
        HttpResponse<String> call =
                initialize(authorizationServer.token("http://127.0.0.1:8081/", "mcp:tools", claims -> claims));

        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(call.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
    }

    private HttpResponse<String> initialize(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resource()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                        "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"""));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String resource() {
        return base() + "/mcp";
    }

    private String base() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }
}
