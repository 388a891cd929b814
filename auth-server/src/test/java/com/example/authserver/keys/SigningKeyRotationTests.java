package com.example.authserver.keys;

import static com.example.authserver.keys.KeyChecks.clientCredentialsToken;
import static com.example.authserver.keys.KeyChecks.kidOf;
import static com.example.authserver.keys.KeyChecks.publishedKids;
import static com.example.authserver.keys.KeyChecks.userAccessToken;
import static com.example.authserver.keys.KeyChecks.userInfoAccepts;
import static com.example.authserver.keys.KeyChecks.validatesAgainstJwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.RestartableServer;
import com.example.authserver.support.TestClock;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A full rotation with the default settings (rotation 90 days, propagation 14 days, retention 14 days),
 * moving the server's clock and running the scheduled check by hand. Tokens are issued with real time, so
 * those of key A have not expired when the clock says 105 days later: only the keys decide.
 */
class SigningKeyRotationTests {

    RestartableServer server = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void nextKeyIsPublishedBeforeItSignsAndTheOldKeyValidatesUntilItsRetentionEnds() throws Exception {
        try (ConfigurableApplicationContext context = server.start()) {
            String issuer = RestartableServer.url(context);
            TestClock clock = context.getBean(TestClock.class);
            SigningKeyRing ring = context.getBean(SigningKeyRing.class);
            String tokenOfA = clientCredentialsToken(issuer);
            AccessToken userTokenOfA = userAccessToken(issuer);
            String a = kidOf(tokenOfA);
            assertThat(publishedKids(issuer)).containsExactly(a);

            // day 77: A's rotation (day 90) is less than the propagation time away, so B is published
            clock.advance(Duration.ofDays(77));
            ring.check();
            assertThat(publishedKids(issuer)).hasSize(2).endsWith(a);
            String b = publishedKids(issuer).get(0);
            assertThat(kidOf(clientCredentialsToken(issuer))).isEqualTo(a);

            // day 91: B signs (from day 90, without waiting for a check); A is still published and valid
            clock.advance(Duration.ofDays(14));
            assertThat(kidOf(clientCredentialsToken(issuer))).isEqualTo(b);
            ring.check();
            assertThat(publishedKids(issuer)).containsExactly(b, a);
            assertThat(validatesAgainstJwks(tokenOfA, issuer)).isTrue();
            assertThat(userInfoAccepts(issuer, userTokenOfA)).isTrue();

            // day 105: B has signed for longer than the retention time: A is gone, its tokens no longer validate
            clock.advance(Duration.ofDays(14));
            assertThat(publishedKids(issuer)).containsExactly(b);
            ring.check();
            assertThat(context.getBean(JdbcTemplate.class).queryForList("select kid from signing_keys", String.class))
                    .containsExactly(b);
            assertThat(validatesAgainstJwks(tokenOfA, issuer)).isFalse();
            assertThat(userInfoAccepts(issuer, userTokenOfA)).isFalse();
            assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(userTokenOfA.getValue()))
                    .hasMessageContaining("no matching key");
            assertThat(kidOf(clientCredentialsToken(issuer))).isEqualTo(b);
        }
    }
}
