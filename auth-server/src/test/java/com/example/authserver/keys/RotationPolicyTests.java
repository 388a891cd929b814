package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation timeline with the default settings: rotation 90 days, propagation 14 days, retention 14 days. */
class RotationPolicyTests {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    static final JWK ANY_KEY = KeyAlgorithm.ES256.generate("any");

    KeyProperties properties = new KeyProperties();

    @Test
    void firstKeySignsAtOnce() {
        assertThat(policy().nextKeyActivation(List.of(), T0)).contains(T0);
    }

    @Test
    void nextKeyIsCreatedPropagationTimeBeforeTheRotationAndSignsAtTheRotation() {
        List<SigningKey> keys = List.of(key(1, KeyAlgorithm.RS256, T0));

        assertThat(policy().nextKeyActivation(keys, T0.plus(days(76)).minusSeconds(1)))
                .isEmpty();
        assertThat(policy().nextKeyActivation(keys, T0.plus(days(76)))).contains(T0.plus(days(90)));
    }

    @Test
    void lateCheckStillPublishesTheNextKeyForTheWholePropagationTime() {
        List<SigningKey> keys = List.of(key(1, KeyAlgorithm.RS256, T0));

        assertThat(policy().nextKeyActivation(keys, T0.plus(days(100)))).contains(T0.plus(days(114)));
    }

    @Test
    void noOtherKeyIsCreatedWhileTheNextOneWaitsAndTheOldOneSignsUntilThen() {
        SigningKey a = key(1, KeyAlgorithm.RS256, T0);
        SigningKey b = key(2, KeyAlgorithm.RS256, T0.plus(days(90)));
        List<SigningKey> keys = List.of(b, a);

        assertThat(policy().nextKeyActivation(keys, T0.plus(days(80)))).isEmpty();
        assertThat(policy().signingKey(keys, T0.plus(days(90)).minusSeconds(1))).contains(a);
        assertThat(policy().signingKey(keys, T0.plus(days(90)))).contains(b);
        assertThat(policy().published(keys, T0.plus(days(80)))).containsExactly(b, a);
    }

    @Test
    void oldKeyStaysPublishedForTheRetentionTimeAfterTheNextKeySignsThenExpires() {
        SigningKey a = key(1, KeyAlgorithm.RS256, T0);
        SigningKey b = key(2, KeyAlgorithm.RS256, T0.plus(days(90)));
        List<SigningKey> keys = List.of(b, a);

        assertThat(policy().published(keys, T0.plus(days(104)).minusSeconds(1))).containsExactly(b, a);
        assertThat(policy().published(keys, T0.plus(days(104)))).containsExactly(b);
        assertThat(policy().expired(keys, T0.plus(days(104)))).containsExactly(a);
    }

    @Test
    void changedAlgorithmPublishesAKeyOfTheNewAlgorithmThatSignsAfterThePropagationTime() {
        properties.setAlgorithm(KeyAlgorithm.ES256);
        List<SigningKey> keys = List.of(key(1, KeyAlgorithm.RS256, T0));

        assertThat(policy().nextKeyActivation(keys, T0.plus(days(1)))).contains(T0.plus(days(15)));
    }

    @Test
    void propagationTimeNotShorterThanTheRotationIntervalIsRefused() {
        properties.setPropagationTime(days(90));

        assertThatThrownBy(this::policy)
                .hasMessageContaining("authforge.keys.propagation-time")
                .hasMessageContaining("authforge.keys.rotation-interval");
    }

    @Test
    void checkIntervalNotShorterThanThePropagationTimeIsRefused() {
        properties.setCheckInterval(days(14));

        assertThatThrownBy(this::policy).hasMessageContaining("authforge.keys.check-interval");
    }

    @Test
    void ofSeveralActivatedKeysTheNewestSignsAndBeforeTheFirstActivationNoneDoes() {
        SigningKey a = key(1, KeyAlgorithm.RS256, T0);
        SigningKey b = key(2, KeyAlgorithm.RS256, T0.plus(days(90)));
        SigningKey c = key(3, KeyAlgorithm.RS256, T0.plus(days(180)));
        List<SigningKey> keys = List.of(c, b, a);

        assertThat(policy().signingKey(keys, T0.minusNanos(1))).isEmpty();
        assertThat(policy().signingKey(keys, T0)).contains(a);
        assertThat(policy().signingKey(keys, T0.plus(days(179)))).contains(b);
        assertThat(policy().signingKey(keys, T0.plus(days(180)))).contains(c);
    }

    @Test
    void withZeroRetentionTheOldKeyGoesTheMomentItsSuccessorSignsAndNotBefore() {
        properties.setRetentionTime(Duration.ZERO);
        SigningKey a = key(1, KeyAlgorithm.RS256, T0);
        SigningKey b = key(2, KeyAlgorithm.RS256, T0.plus(days(90)));
        List<SigningKey> keys = List.of(b, a);

        assertThat(policy().published(keys, T0.plus(days(90)).minusNanos(1))).containsExactly(b, a);
        assertThat(policy().expired(keys, T0.plus(days(90)).minusNanos(1))).isEmpty();
        assertThat(policy().published(keys, T0.plus(days(90)))).containsExactly(b);
        assertThat(policy().expired(keys, T0.plus(days(90)))).containsExactly(a);
    }

    @Test
    void aNegativeRetentionTimeIsRefused() {
        properties.setRetentionTime(Duration.ofSeconds(-1));

        assertThatThrownBy(this::policy).hasMessageContaining("authforge.keys.retention-time");
    }

    RotationPolicy policy() {
        return new RotationPolicy(properties);
    }

    @Test
    void rotateNowPublishesAKeyThatSignsAfterThePropagationTimeUnlessOneIsWaiting() {
        SigningKey a = key(1, KeyAlgorithm.RS256, T0);
        Instant day10 = T0.plus(days(10));

        assertThat(policy().manualKeyActivation(List.of(a), day10)).contains(day10.plus(days(14)));
        SigningKey b = key(2, KeyAlgorithm.RS256, day10.plus(days(14)));
        assertThat(policy().manualKeyActivation(List.of(b, a), day10.plus(days(1))))
                .as("b is waiting and is never brought forward")
                .isEmpty();
        assertThat(policy().manualKeyActivation(List.of(b, a), day10.plus(days(14))))
                .as("once b signs, the next rotation may start")
                .contains(day10.plus(days(28)));
    }

    @Test
    void aKeyStopsSigningWhenItsSuccessorStartsOrAtItsScheduledRotation() {
        SigningKey a = key(1, KeyAlgorithm.RS256, T0);
        SigningKey b = key(2, KeyAlgorithm.RS256, T0.plus(days(30)));

        assertThat(policy().retirement(List.of(a), a)).isEqualTo(T0.plus(days(90)));
        assertThat(policy().retirement(List.of(b, a), a)).isEqualTo(T0.plus(days(30)));
        assertThat(policy().removal(List.of(b, a), a)).isEqualTo(T0.plus(days(44)));
        assertThat(policy().retirement(List.of(b, a), b)).isEqualTo(T0.plus(days(120)));
    }

    static SigningKey key(long generation, KeyAlgorithm algorithm, Instant activatesAt) {
        return new SigningKey("key-" + generation, generation, algorithm, ANY_KEY, activatesAt, activatesAt);
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
