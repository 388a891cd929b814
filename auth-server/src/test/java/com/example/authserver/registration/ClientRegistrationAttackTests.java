package com.example.authserver.registration;

import static com.example.authserver.registration.Registrar.publicClient;
import static com.example.authserver.registration.Registrar.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.registration.Registrar.Answer;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a stranger may try at the registration endpoint, and what it gets: RFC 7591 error JSON, never a client. */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class ClientRegistrationAttackTests {

    @Autowired
    TestServer server;

    @Autowired
    InitialAccessTokens initialTokens;

    @Autowired
    TestClock clock;

    Registrar registrar() {
        return new Registrar(server.port());
    }

    @Test
    void whenAPublicClientRegistersOpenlyThenItGetsAClientIdAndNoSecret() {
        Answer answer = registrar().register(publicClient());

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertThat(answer.json()).containsKeys("client_id", "registration_access_token", "registration_client_uri");
        assertThat(answer.json()).doesNotContainKey("client_secret");
        assertThat(answer.json()).containsEntry("token_endpoint_auth_method", "none");
        assertThat(answer.raw().header("cache-control").orElseThrow()).contains("no-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret_basic", "client_secret_post", "private_key_jwt", "client_secret_jwt"})
    void whenAConfidentialClientRegistersWithoutInitialTokenThenItIsRefused(String method) {
        Answer answer = registrar().register(with(publicClient(), "token_endpoint_auth_method", method));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void whenNoAuthenticationMethodIsNamedThenTheDefaultSecretIsRefusedToOpenRegistration() {
        Answer answer = registrar().register(with(publicClient(), "token_endpoint_auth_method", null));

        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com/callback",
                "http://127.0.0.1.example.com/callback",
                "http://10.0.0.1/callback",
                "javascript:alert(1)",
                "data:text/html,hi",
                "net.example.app:/callback",
                "myapp://callback",
                "https://example.com/callback#fragment",
                "https://*.example.com/callback",
                "https://user@example.com/callback",
                "/relative/callback",
                "https://example.com/a,https://evil.example/b",
                "not a uri"
            })
    void whenARedirectUriIsNotHttpsOrLoopbackThenItIsRefused(String redirectUri) {
        Answer answer = registrar().register(with(publicClient(), "redirect_uris", List.of(redirectUri)));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_redirect_uri");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/callback",
                "http://127.0.0.1:8123/cb",
                "http://[::1]:9000/cb",
                "http://localhost:3000/cb",
                "https://agent.example.com/oauth/callback"
            })
    void whenARedirectUriIsHttpsOrLoopbackThenItIsAccepted(String redirectUri) {
        Answer answer = registrar().register(with(publicClient(), "redirect_uris", List.of(redirectUri)));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertThat(answer.json().get("redirect_uris")).isEqualTo(List.of(redirectUri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scope1", "openid scope1", "email", "mcp:tools scope2", "admin"})
    void whenOpenRegistrationAsksForScopesNotOpenToItThenItIsRefused(String scope) {
        Answer answer = registrar().register(with(publicClient(), "scope", scope));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void whenOpenRegistrationNamesNoScopeThenItGetsTheOpenOnes() {
        Answer answer = registrar().register(with(publicClient(), "scope", null));

        assertThat(Set.of(answer.string("scope").split(" ")))
                .containsExactlyInAnyOrder("openid", "profile", "mcp:tools");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "client_credentials",
                "password",
                "implicit",
                "urn:ietf:params:oauth:grant-type:token-exchange",
                "urn:ietf:params:oauth:grant-type:device_code",
                "urn:openid:params:grant-type:ciba",
                "urn:ietf:params:oauth:grant-type:jwt-bearer"
            })
    void whenAPublicClientAsksForOtherGrantTypesThenItIsRefused(String grantType) {
        Answer answer =
                registrar().register(with(publicClient(), "grant_types", List.of("authorization_code", grantType)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "implicit", "urn:ietf:params:oauth:grant-type:token-exchange"})
    void whenAClientWithAnInitialTokenAsksForGrantTypesNobodyGetsThenItIsRefused(String grantType) {
        String token = initialToken(1);
        Map<String, Object> metadata =
                with(confidentialClient(), "grant_types", List.of("client_credentials", grantType));

        Answer answer = registrar().register(metadata, token);

        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
        assertThat(initialTokens.find(token))
                .as("a refused registration uses no token")
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"token\"]", "[\"code\",\"id_token\"]", "[\"code token\"]", "[]"})
    void whenResponseTypesOtherThanCodeAreAskedForThenTheyAreRefused(String responseTypes) {
        Answer answer = registrar()
                .register(with(publicClient(), "response_types", Registrar.JSON.readValue(responseTypes, List.class)));

        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "[]",
                "\"client\"",
                "null",
                "{\"redirect_uris\": \"http://127.0.0.1/cb\", \"token_endpoint_auth_method\": \"none\"}",
                "{\"redirect_uris\": [1, 2], \"token_endpoint_auth_method\": \"none\"}",
                "{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"token_endpoint_auth_method\": [\"none\"]}",
                "{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"token_endpoint_auth_method\": \"none\", \"scope\": 7}",
                "{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"token_endpoint_auth_method\": \"none\","
                        + " \"client_name\": \"a\\u0000b\"}",
                "{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"token_endpoint_auth_method\": \"none\","
                        + " \"client_name\": \"Bank\\u202Eevil\"}",
                "{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"token_endpoint_auth_method\": \"none\","
                        + " \"client_name\": \"Ba\\u200Bnk\"}",
                "{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"token_endpoint_auth_method\": \"none\","
                        + " \"jwks_uri\": \"https://example.com/jwks\"}"
            })
    void whenTheBodyIsMalformedThenTheAnswerIsInvalidClientMetadataNeverAServerError(String body) {
        Answer answer = registrar().register(body);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void whenTheBodyIsHugeThenItIsRefusedUnread() {
        String padding = "x".repeat(200_000);
        Answer answer = registrar().register(with(publicClient(), "client_uri", "https://example.com/" + padding));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void whenTheBodyIsNotJsonThenItIsRefused() {
        Answer form = registrar()
                .send(
                        "POST",
                        RegistrationEndpoint.PATH,
                        null,
                        "redirect_uris=http://127.0.0.1/cb".getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded");
        Answer noType = registrar().send("POST", RegistrationEndpoint.PATH, null, Registrar.json(publicClient()), null);

        assertThat(form.error()).isEqualTo("invalid_client_metadata");
        assertThat(noType.error()).isEqualTo("invalid_client_metadata");
    }

    @Test
    void whenTheInitialTokenIsUnknownUsedUpOrExpiredThenRegistrationGets401() {
        String usedUp = initialToken(1);
        assertThat(registrar().register(confidentialClient(), usedUp).status()).isEqualTo(201);
        String expired = initialToken(5);
        clock.advance(Duration.ofDays(2));
        try {
            for (String token : List.of("made-up-token", usedUp, expired)) {
                Answer answer = registrar().register(confidentialClient(), token);

                assertThat(answer.status()).as(token).isEqualTo(401);
                assertThat(answer.error()).isEqualTo("invalid_token");
                assertThat(answer.raw().header("www-authenticate").orElseThrow())
                        .contains("invalid_token");
            }
        } finally {
            clock.reset();
        }
    }

    @Test
    void whenTheAuthorizationHeaderIsNoBearerTokenThenItGets401() {
        RawHttp.Response answer = new RawHttp(server.port())
                .send(new RawHttp.Request(
                        "POST",
                        RegistrationEndpoint.PATH,
                        List.of(
                                Map.entry("Authorization", "Basic aW50ZXJhY3RpdmU6c2VjcmV0"),
                                Map.entry("Content-Type", "application/json")),
                        Registrar.json(publicClient())));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_token");
    }

    @Test
    void whenTwoRegistrationsRaceWithASingleUseTokenThenOnlyOneRegisters() throws Exception {
        String token = initialToken(1);
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Registrar registrar = registrar();
                answers.add(pool.submit(() -> {
                    start.await();
                    return registrar.register(confidentialClient(), token).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).containsOnly(201, 401);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenAClientUsesAnotherClientsRegistrationTokenThenItGets401() {
        Answer mine = registrar().register(publicClient());
        Answer theirs = registrar().register(publicClient());
        String theirId = theirs.string("client_id");
        String myToken = mine.string("registration_access_token");

        assertThat(registrar().read(theirId, myToken).status()).isEqualTo(401);
        assertThat(registrar()
                        .update(theirId, myToken, with(publicClient(), "client_id", theirId))
                        .status())
                .isEqualTo(401);
        assertThat(registrar().delete(theirId, myToken).status()).isEqualTo(401);
        assertThat(registrar().read(theirId, null).status()).isEqualTo(401);
        assertThat(registrar()
                        .read(theirId, theirs.string("registration_access_token"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenTheRegistrationTokenWasReplacedByAnUpdateThenTheOldOneGets401() {
        Answer registered = registrar().register(publicClient());
        String clientId = registered.string("client_id");
        String old = registered.string("registration_access_token");

        Answer updated = registrar().update(clientId, old, with(publicClient(), "client_id", clientId));

        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        assertThat(updated.string("registration_access_token")).isNotEqualTo(old);
        assertThat(registrar().read(clientId, old).status()).isEqualTo(401);
        assertThat(registrar()
                        .read(clientId, updated.string("registration_access_token"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenAnUpdateTriesToEscalateThenItIsRefused() {
        Answer registered = registrar().register(with(publicClient(), "scope", "openid"));
        String clientId = registered.string("client_id");
        String token = registered.string("registration_access_token");
        Map<String, Object> same = with(with(publicClient(), "client_id", clientId), "scope", "openid");

        assertThat(registrar()
                        .update(clientId, token, with(same, "scope", "openid mcp:tools"))
                        .error())
                .isEqualTo("invalid_client_metadata");
        assertThat(registrar()
                        .update(clientId, token, with(same, "scope", "openid scope1"))
                        .error())
                .isEqualTo("invalid_client_metadata");
        assertThat(registrar()
                        .update(clientId, token, with(same, "token_endpoint_auth_method", "client_secret_basic"))
                        .error())
                .isEqualTo("invalid_client_metadata");
        assertThat(registrar()
                        .update(clientId, token, with(same, "client_id", "interactive"))
                        .error())
                .isEqualTo("invalid_client_metadata");
        assertThat(registrar()
                        .update(clientId, token, with(same, "redirect_uris", List.of("http://evil.example/cb")))
                        .error())
                .isEqualTo("invalid_redirect_uri");
        assertThat(registrar().read(clientId, token).string("scope")).isEqualTo("openid");
    }

    @Test
    void whenOneAddressRegistersMoreThanItsLimitThenItGets429() {
        Registrar registrar = registrar();
        for (int i = 0; i < 20; i++) {
            // refused registrations count too
            Answer answer = registrar.register(i % 2 == 0 ? publicClient() : with(publicClient(), "scope", "scope1"));
            assertThat(answer.status()).as("registration %d", i + 1).isIn(201, 400);
        }

        Answer limited = registrar.register(publicClient());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().header("retry-after")).isPresent();
        assertThat(registrar().register(publicClient()).status())
                .as("another address has its own limit")
                .isEqualTo(201);
        assertThat(registrar.register(confidentialClient(), initialToken(1)).status())
                .as("registrations with an initial token are not limited")
                .isEqualTo(201);
    }

    @Test
    void noInitialTokenRegistrationTokenOrClientSecretReachesTheLogs(CapturedOutput output) {
        String initialToken = initialToken(1);
        Answer registered = registrar().register(confidentialClient(), initialToken);
        String clientId = registered.string("client_id");
        String registrationToken = registered.string("registration_access_token");
        Answer updated =
                registrar().update(clientId, registrationToken, with(confidentialClient(), "client_id", clientId));
        registrar().read(clientId, registrationToken);
        registrar().register(confidentialClient(), initialToken);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(output.getAll())
                .doesNotContain(
                        initialToken,
                        registrationToken,
                        registered.string("client_secret"),
                        updated.string("registration_access_token"));
    }

    private String initialToken(int uses) {
        return initialTokens
                .issue("attack tests", uses, Duration.ofDays(1), Set.of("scope1"))
                .value();
    }

    static Map<String, Object> confidentialClient() {
        return Map.of(
                "client_name", "Backend service",
                "grant_types", List.of("client_credentials"),
                "token_endpoint_auth_method", "client_secret_basic",
                "scope", "scope1");
    }
}
