package com.example.authserver.keys;

import static com.example.authserver.keys.KeyChecks.clientCredentialsToken;
import static com.example.authserver.keys.KeyChecks.kidOf;
import static com.example.authserver.keys.KeyChecks.publishedKids;
import static com.example.authserver.keys.KeyChecks.validatesAgainstJwks;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RestartableServer;
import com.example.authserver.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Two instances of the server on one database, as behind a load balancer, each with its own clock and checks. */
class TwoInstancesShareTheKeysTests {

    RestartableServer server = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void instancesCreateEachNextKeyOnceAndAcceptTokensSignedWithKeysTheOtherCreated() throws Exception {
        try (ConfigurableApplicationContext first = server.start();
                ConfigurableApplicationContext second = server.start()) {
            String firstIssuer = RestartableServer.url(first);
            String secondIssuer = RestartableServer.url(second);
            assertThat(publishedKids(secondIssuer)).hasSize(1).isEqualTo(publishedKids(firstIssuer));
            assertThat(validatesAgainstJwks(clientCredentialsToken(firstIssuer), secondIssuer))
                    .isTrue();

            // day 77: both instances check at the same moment; the database lets only one create the next key
            advance(Duration.ofDays(77), first, second);
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Void> firstCheck = CompletableFuture.runAsync(() -> checkWhen(go, first));
            CompletableFuture<Void> secondCheck = CompletableFuture.runAsync(() -> checkWhen(go, second));
            go.countDown();
            CompletableFuture.allOf(firstCheck, secondCheck).join();
            assertThat(first.getBean(JdbcTemplate.class)
                            .queryForObject("select count(*) from signing_keys", Integer.class))
                    .isEqualTo(2);
            List<String> published = publishedKids(firstIssuer);
            assertThat(published).hasSize(2).isEqualTo(publishedKids(secondIssuer));

            // day 91: both sign with the new key
            advance(Duration.ofDays(14), first, second);
            assertThat(kidOf(clientCredentialsToken(firstIssuer)))
                    .isEqualTo(published.get(0))
                    .isEqualTo(kidOf(clientCredentialsToken(secondIssuer)));

            // day 181: only the first instance checked (day 167), so the second has not loaded the key that signs
            // now; a token signed with it makes the second reload the keys instead of refusing the token
            advance(Duration.ofDays(76), first, second);
            first.getBean(SigningKeyRing.class).check();
            advance(Duration.ofDays(14), first, second);
            String token = clientCredentialsToken(firstIssuer);
            assertThat(publishedKids(secondIssuer)).doesNotContain(kidOf(token));
            assertThat(second.getBean(JwtDecoder.class).decode(token).getSubject())
                    .isEqualTo(OidcClient.M2M);
            assertThat(publishedKids(secondIssuer)).contains(kidOf(token));
        }
    }

    private static void advance(Duration duration, ConfigurableApplicationContext... instances) {
        for (ConfigurableApplicationContext instance : instances) {
            instance.getBean(TestClock.class).advance(duration);
        }
    }

    private static void checkWhen(CountDownLatch go, ConfigurableApplicationContext instance) {
        try {
            go.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        instance.getBean(SigningKeyRing.class).check();
    }
}
