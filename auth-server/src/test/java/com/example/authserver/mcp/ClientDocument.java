package com.example.authserver.mcp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The MCP client's client ID metadata document, on a loopback HTTP server of the test (allowed in development): its
 * URL is the client's {@code client_id}, its redirect URI on the same server (the test's browser stops there).
 */
final class ClientDocument implements AutoCloseable {

    private final HttpServer server;

    private final String clientId;

    private final String redirectUri;

    ClientDocument(String scopes) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        clientId = base + "/mcp-client.json";
        redirectUri = base + "/callback";
        byte[] document = """
                {"client_id": "%s", "client_name": "MCP test agent", "redirect_uris": ["%s"],
                 "grant_types": ["authorization_code"], "response_types": ["code"],
                 "token_endpoint_auth_method": "none", "scope": "%s"}""".formatted(clientId, redirectUri, scopes).getBytes(StandardCharsets.UTF_8);
        server.createContext("/mcp-client.json", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
            }
        });
        server.start();
    }

    String clientId() {
        return clientId;
    }

    String redirectUri() {
        return redirectUri;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
