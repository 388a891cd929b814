package com.example.authserver.samples.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API on a random port, over real HTTP, trusting a stub authorization server (its discovery document and keys on
 * another random port): which tokens it accepts for which endpoint, and how it refuses the others.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiTests {

    private static final StubAuthorizationServer authorizationServer = new StubAuthorizationServer();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void trustTheStub(DynamicPropertyRegistry properties) {
        properties.add("api.authorization-server", authorizationServer::issuer);
    }

    @AfterAll
    static void stopTheStub() {
        authorizationServer.stop();
    }

    @Test
    void identityAnswersTheTokensClaims() throws Exception {
        HttpResponse<String> response = get("/identity", authorizationServer.token("scope1", claims -> claims));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .contains("\"sub\":\"alice-id\"")
                .contains("\"client_id\":\"m2m.client\"")
                .contains("\"scope\":\"scope1\"")
                .contains("\"iss\":\"" + authorizationServer.issuer() + "\"")
                .containsPattern("\"exp\":\\d+");
    }

    @Test
    void helloNeedsScope2() throws Exception {
        assertThat(get("/hello", authorizationServer.token("scope1", claims -> claims)))
                .satisfies(response -> assertThat(response.statusCode()).isEqualTo(403));

        HttpResponse<String> response = get("/hello", authorizationServer.token("scope2", claims -> claims));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Hello, alice-id!");
    }

    @Test
    void identityWithoutScope1IsForbidden() throws Exception {
        HttpResponse<String> response = get("/identity", authorizationServer.token("scope2", claims -> claims));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer").contains("insufficient_scope"));
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = get("/identity", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        assertRefused(authorizationServer.token("scope1", claims -> claims.audience("http://127.0.0.1:9999/")));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        assertRefused(authorizationServer.token("scope1", claims -> claims.issuer("http://localhost:1/")));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        assertRefused(authorizationServer.token(
                "scope1",
                claims -> claims.issueTime(new Date(hourAgo - 300_000)).expirationTime(new Date(hourAgo))));
    }

    @Test
    void idTokenIsRefused() throws Exception {
        assertRefused(authorizationServer.plainJwt("scope1"));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefused(authorizationServer.signedByAnotherKey("scope1"));
    }

    @Test
    void garbageIsRefused() throws Exception {
        assertRefused("not-a-token");
    }

    private void assertRefused(String token) throws Exception {
        HttpResponse<String> response = get("/identity", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        assertThat(response.body()).doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
