package com.example.authserver.samples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the authorization server or the API on a random loopback port: fixed answers at fixed paths.
 */
final class StubServer {

    private final HttpServer server;

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.start();
    }

    /** The authorization server's discovery document and an empty key set. */
    static StubServer authorizationServer() {
        return authorizationServer("{\"keys\":[]}");
    }

    /** The authorization server's discovery document and the given key set (JSON). */
    static StubServer authorizationServer(String jwks) {
        StubServer stub = new StubServer();
        String issuer = stub.url();
        stub.answer("/.well-known/openid-configuration", 200, "application/json", """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo",
                 "end_session_endpoint":"%1$s/connect/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "grant_types_supported":["authorization_code","refresh_token"]}""".formatted(issuer));
        stub.answer("/oauth2/jwks", 200, "application/json", jwks);
        return stub;
    }

    /** Answers 200 at every path under this one, and counts the requests. */
    StubServer count(String path, AtomicInteger requests) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            respond(exchange, 200, "text/plain", "", new String[0]);
        });
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubServer answer(String path, int status, String contentType, String body, String... headers) {
        server.createContext(path, exchange -> respond(exchange, status, contentType, body, headers));
        return this;
    }

    void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body, String[] headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
