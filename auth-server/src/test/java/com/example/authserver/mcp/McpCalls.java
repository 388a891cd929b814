package com.example.authserver.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientAuthorizationErrorHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP client side of the tests: the MCP Java SDK's client over streamable HTTP, with the bearer token in every
 * request, and the same first call written by hand where a test looks at the HTTP answer itself.
 */
final class McpCalls {

    /** One {@code name="value"} parameter of a {@code WWW-Authenticate: Bearer ...} challenge (RFC 6750). */
    private static final Pattern PARAMETER = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI endpoint;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    McpCalls(String resourceUri) {
        this.endpoint = URI.create(resourceUri);
    }

    /** An MCP client that sends {@code token} (none when null). */
    McpSyncClient client(String token) {
        return client(() -> token, McpHttpClientAuthorizationErrorHandler.NOOP);
    }

    /**
     * An MCP client that sends the token {@code tokens} holds at each request, and hands each 401 or 403 to
     * {@code onChallenge}: where that returns true (it got a token), the SDK sends the request again.
     */
    McpSyncClient client(Supplier<String> tokens, McpHttpClientAuthorizationErrorHandler onChallenge) {
        String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint.getRawPath())
                .connectTimeout(TIMEOUT)
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    String token = tokens.get();
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .authorizationErrorHandler(onChallenge)
                .build();
        return McpClient.sync(transport)
                .requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT)
                .build();
    }

    /** The MCP {@code initialize} request as an MCP client sends it first, with {@code token} (none when null). */
    HttpResponse<String> initializeOverHttp(String token) throws Exception {
        return initializeOverHttp(token, "");
    }

    /** The same, with {@code query} ("?..." or empty) after the endpoint. */
    HttpResponse<String> initializeOverHttp(String token, String query) throws Exception {
        return initializeOverHttp(endpoint, token, query, Map.of());
    }

    /** The same to {@code to} (the endpoint under another host name, say), with more request headers. */
    HttpResponse<String> initializeOverHttp(URI to, String token, String query, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to + query))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                        "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"""));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON document (metadata), which must be there. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.builder().build().readValue(response.body(), Map.class);
    }

    /** The parameters of the answer's one Bearer challenge. */
    static Map<String, String> challengeParameters(HttpResponse<?> response) {
        String challenge = response.headers()
                .firstValue("WWW-Authenticate")
                .orElseThrow(() -> new AssertionError("no WWW-Authenticate header"));
        return challengeParameters(challenge);
    }

    static Map<String, String> challengeParameters(String challenge) {
        if (!challenge.startsWith("Bearer")) {
            throw new AssertionError("not a Bearer challenge: " + challenge);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1), matcher.group(2));
        }
        return parameters;
    }
}
