package com.example.authserver.samples.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * The authorization server as the API sees it, on a random loopback port: its discovery document and its public key
 * (JWKS), and tokens signed with the private key. {@link #token} signs what a test describes, starting from a valid
 * access token.
 */
final class StubAuthorizationServer {

    static final String AUDIENCE = "http://127.0.0.1:8081/";

    /** RFC 9068's header type of JWT access tokens. */
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final HttpServer server;

    private final RSAKey key;

    private final RSAKey otherKey;

    StubAuthorizationServer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("stub-key").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext(
                "/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer(), issuer())));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A valid access token for user alice from client m2m.client, changed by {@code change}. */
    String token(String scope, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(ACCESS_TOKEN, scope, change, key);
    }

    /** The same with header typ JWT, as an ID token has. */
    String plainJwt(String scope) {
        return sign(JOSEObjectType.JWT, scope, UnaryOperator.identity(), key);
    }

    /** A token signed with a key the server never published. */
    String signedByAnotherKey(String scope) {
        return sign(ACCESS_TOKEN, scope, UnaryOperator.identity(), otherKey);
    }

    private String sign(
            JOSEObjectType type, String scope, UnaryOperator<JWTClaimsSet.Builder> change, RSAKey signingKey) {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("alice-id")
                .audience(AUDIENCE)
                .claim("client_id", "m2m.client")
                .claim("scope", scope)
                .jwtID(Long.toString(now))
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 300_000));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(type)
                        .keyID(signingKey.getKeyID())
                        .build(),
                change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    void stop() {
        server.stop(0);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
