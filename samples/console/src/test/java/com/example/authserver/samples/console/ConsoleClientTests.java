package com.example.authserver.samples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console client against a stub authorization server (discovery document and token endpoint) and a stub API,
 * each on a random loopback port: what it sends, what it prints, and its one-line errors.
 */
class ConsoleClientTests {

    private HttpServer server;

    private HttpServer api;

    private String token;

    /** The token the stub API accepts: the one the stub server issues, unless a test says otherwise. */
    private String apiAccepts;

    private final AtomicReference<String> tokenRequest = new AtomicReference<>();

    private final AtomicReference<String> tokenRequestAuthorization = new AtomicReference<>();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startStubs() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = url(server);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("m2m.client")
                        .audience("http://127.0.0.1:8081/")
                        .claim("client_id", "m2m.client")
                        .claim("scope", "scope1")
                        .build());
        jwt.sign(new MACSigner(new byte[32]));
        token = jwt.serialize();
        apiAccepts = token;
        server.createContext(
                "/.well-known/openid-configuration", exchange -> respond(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        server.createContext("/oauth2/token", exchange -> {
            tokenRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenRequestAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 200, """
                    {"access_token":"%s","token_type":"Bearer","expires_in":3599,"scope":"scope1"}""".formatted(token));
        });
        api.createContext("/identity", exchange -> {
            if (("Bearer " + apiAccepts).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(
                        exchange,
                        200,
                        "{\"sub\":\"m2m.client\",\"scope\":\"scope1\",\"aud\":[\"http://127.0.0.1:8081/\"]}");
            } else {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                respond(exchange, 401, "");
            }
        });
        server.start();
        api.start();
    }

    @AfterEach
    void stopStubs() {
        server.stop(0);
        api.stop(0);
    }

    @Test
    void getsATokenAndCallsTheApi() {
        int exit = run("--issuer=" + url(server), "--api-url=" + url(api));

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(tokenRequest.get()).contains("grant_type=client_credentials").contains("scope=scope1");
        assertThat(tokenRequestAuthorization.get())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("m2m.client:511536EF-F270-4058-80CA-1C89C192F69A"
                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Token endpoint:       " + url(server) + "/oauth2/token")
                .contains("access_token: " + token.substring(0, 20) + "...")
                .doesNotContain(token)
                .contains("expires_in:   3599")
                .contains("aud: http://127.0.0.1:8081/")
                .contains("client_id: m2m.client")
                .contains("GET " + url(api) + "/identity: HTTP 200")
                .contains("  sub: m2m.client")
                .contains("  aud: http://127.0.0.1:8081/" + System.lineSeparator());
    }

    @Test
    void saysWhenTheServerIsUnreachable() throws Exception {
        String stopped = url(server);
        server.stop(0);

        int exit = run("--issuer=" + stopped, "--api-url=" + url(api));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: the authorization server at " + stopped + " is unreachable")
                .hasLineCount(1);
    }

    @Test
    void saysWhenTheApiIsUnreachable() {
        String stopped = url(api);
        api.stop(0);

        int exit = run("--issuer=" + url(server), "--api-url=" + stopped);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: the API at " + stopped + " is unreachable")
                .hasLineCount(1);
    }

    @Test
    void saysWhenTheApiRefuses() {
        apiAccepts = "another";

        int exit = run("--issuer=" + url(server), "--api-url=" + url(api));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: the API refused the call: HTTP 401 Bearer error=\"invalid_token\"");
    }

    @Test
    void takesItsAddressesFromTheEnvironment() {
        int exit = ConsoleClient.run(
                new String[0],
                Map.of("SAMPLES_ISSUER", url(server), "SAMPLES_APIURL", url(api)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Authorization server: " + url(server));
    }

    private int run(String... args) {
        return ConsoleClient.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }
}
