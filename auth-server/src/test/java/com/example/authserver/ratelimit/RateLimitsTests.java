package com.example.authserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two limits of each action, per client address and per account, over buckets in memory on a clock that moves
 * only when told. Sign-in here allows 4 attempts per address and 2 per account every 10 minutes.
 */
class RateLimitsTests {

    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T10:00:00Z"));

    final RateLimitProperties properties = new RateLimitProperties();

    final RateLimits rateLimits = new RateLimits(properties, new MemoryBuckets(1000, clock));

    @BeforeEach
    void setLimits() {
        properties.getSignIn().getPerIp().setAttempts(4);
        properties.getSignIn().getPerAccount().setAttempts(2);
    }

    @Test
    void anAccountIsLimitedWhateverAddressItIsTriedFrom() {
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice"))
                .isEmpty();
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.2", "alice"))
                .isEmpty();

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.3", "alice"))
                .as("refused until one attempt is back: 10 minutes / 2")
                .contains(Duration.ofMinutes(5));
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.3", "bob"))
                .isEmpty();
    }

    @Test
    void theAccountIsTheNameAsTypedIgnoringCaseAndSurroundingSpaces() {
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "Alice");
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.2", " ALICE ");

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.3", "alice"))
                .isPresent();
    }

    @Test
    void anAddressIsLimitedWhateverAccountsItTries() {
        for (String account : new String[] {"a", "b", "c", "d"}) {
            assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", account))
                    .isEmpty();
        }

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "e"))
                .as("10 minutes / 4")
                .contains(Duration.ofSeconds(150));
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.2", "e"))
                .isEmpty();
    }

    @Test
    void anAddressPastItsLimitUsesUpNoAccountsAttempts() {
        properties.getSignIn().getPerIp().setAttempts(1);
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice"))
                    .isPresent();
        }

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.2", "alice"))
                .as("alice's second attempt")
                .isEmpty();
    }

    @Test
    void attemptsComeBackWithTime() {
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");

        clock.advance(Duration.ofMinutes(5));

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice"))
                .isEmpty();
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice"))
                .isPresent();
    }

    @Test
    void actionsSharingLimitsStillCountSeparately() {
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");

        assertThat(rateLimits.tryAttempt(RateLimitedAction.EXTERNAL_LOGIN_LINK, "192.0.2.1", "alice"))
                .isEmpty();
        assertThat(rateLimits.tryAttempt(RateLimitedAction.REAUTHENTICATE, "192.0.2.1", "alice"))
                .isEmpty();
    }

    @Test
    void eachActionHasItsOwnLimits() {
        properties.getCodeVerification().getPerAccount().setAttempts(1);

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN_CODE, "192.0.2.1", "user-1"))
                .isEmpty();
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN_CODE, "192.0.2.1", "user-1"))
                .isPresent();
        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "user-1"))
                .isEmpty();
    }

    @Test
    void aChangedLimitStartsNewBuckets() {
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");
        rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice");

        properties.getSignIn().getPerAccount().setAttempts(3);

        assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice"))
                .isEmpty();
    }

    @Test
    void withLimitsSwitchedOffNothingIsCounted() {
        properties.setEnabled(false);

        for (int attempt = 0; attempt < 50; attempt++) {
            assertThat(rateLimits.tryAttempt(RateLimitedAction.SIGN_IN, "192.0.2.1", "alice"))
                    .isEmpty();
        }
    }
}
