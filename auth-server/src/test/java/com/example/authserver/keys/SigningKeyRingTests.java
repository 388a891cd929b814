package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.authserver.support.ManualClock;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * This instance's key ring without a server or database: the stored keys in a list, a clock that moves only when told,
 * and the default timeline (rotation 90 days, propagation 14 days, retention 14 days). What it creates and deletes at
 * a check, which key signs a token at each instant, and what the JWKS publishes. RotationPolicyTests has the rules
 * alone; SigningKeyRotationTests a rotation of the running server.
 */
class SigningKeyRingTests {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(T0);

    final KeyProperties properties = new KeyProperties();

    final StoredKeys stored = new StoredKeys();

    SigningKeyRing ring;

    @BeforeEach
    void setUp() {
        properties.setAlgorithm(KeyAlgorithm.ES256); // quick to generate
        ring = new SigningKeyRing(stored.store, new RotationPolicy(properties), properties, clock);
    }

    @Test
    void theFirstCheckCreatesAKeyThatSignsAtOnce() {
        ring.check();

        SigningKey created = stored.single();
        assertThat(created.generation()).isEqualTo(1);
        assertThat(created.algorithm()).isEqualTo(KeyAlgorithm.ES256);
        assertThat(created.activatesAt()).isEqualTo(T0);
        assertThat(created.privateJwk().getKeyID()).isEqualTo(created.kid());
        assertThat(ring.signingKey().kid()).isEqualTo(created.kid());
    }

    @Test
    void noKeyIsCreatedWhileTheRotationIsMoreThanThePropagationTimeAway() {
        SigningKey a = stored.add(1, T0);
        clock.set(T0.plus(days(76)).minusSeconds(1));

        ring.check();

        assertThat(stored.keys).containsExactly(a);
    }

    @Test
    void theNextKeyIsPublishedThePropagationTimeBeforeItSignsAndTakesOverOnTimeWithoutACheck() {
        SigningKey a = stored.add(1, T0);
        clock.set(T0.plus(days(76)));

        ring.check();

        SigningKey b = stored.keys.get(0);
        assertThat(b.generation()).isEqualTo(2);
        assertThat(b.createdAt()).isEqualTo(T0.plus(days(76)));
        assertThat(b.activatesAt()).isEqualTo(T0.plus(days(90)));
        assertThat(ring.publishedKeys()).extracting(SigningKey::kid).containsExactly(b.kid(), a.kid());
        clock.set(T0.plus(days(90)).minusNanos(1000));
        assertThat(ring.signingKey().kid()).isEqualTo(a.kid());
        clock.set(T0.plus(days(90)));
        assertThat(ring.signingKey().kid()).isEqualTo(b.kid());
    }

    @Test
    void whenAnotherInstanceCreatedTheNextKeyFirstThatKeyIsUsed() {
        stored.add(1, T0);
        clock.set(T0.plus(days(80)));
        stored.beforeNextInsert = () -> stored.add(2, T0.plus(days(94)));

        ring.check();

        assertThat(stored.keys).hasSize(2);
        SigningKey theirs = stored.keys.get(0);
        assertThat(theirs.kid()).isEqualTo("key-2");
        assertThat(ring.publishedKeys()).extracting(SigningKey::kid).contains("key-2");
    }

    @Test
    void aKeyIsDeletedAndNoLongerPublishedOnceItsSuccessorHasSignedForTheRetentionTime() {
        SigningKey a = stored.add(1, T0);
        SigningKey b = stored.add(2, T0.plus(days(90)));
        clock.set(T0.plus(days(104)).minusSeconds(1));
        ring.check();
        assertThat(ring.publishedKeys()).containsExactly(b, a);

        clock.set(T0.plus(days(104)));
        assertThat(ring.publishedKeys()).as("decided at each use").containsExactly(b);
        ring.check();

        assertThat(stored.keys).containsExactly(b);
    }

    @Test
    void withoutLoadedKeysNothingSigns() {
        assertThatThrownBy(ring::signingKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not loaded");
    }

    @Test
    void aTokenWithAnUnknownKeyReloadsTheKeysAtMostEveryThirtySeconds() {
        ring.check();
        SigningKey other = stored.add(2, T0.plus(days(14)));

        clock.advance(Duration.ofSeconds(30));
        ring.reloadForUnknownKey();
        assertThat(ring.publishedKeys()).doesNotContain(other);

        clock.advance(Duration.ofMillis(1));
        ring.reloadForUnknownKey();
        assertThat(ring.publishedKeys()).contains(other);
    }

    @Test
    void aFailedReloadKeepsTheKeysLoadedBefore() {
        ring.check();
        List<SigningKey> before = ring.publishedKeys();
        when(stored.store.findAll()).thenThrow(new IllegalStateException("database down"));
        clock.advance(Duration.ofMinutes(1));

        ring.reloadForUnknownKey();

        assertThat(ring.publishedKeys()).isEqualTo(before);
    }

    @Test
    void eachTokenIsSignedByTheKeyThatSignsAtItsInstantAndNamesIt() throws Exception {
        SigningKey a = stored.add(1, T0);
        SigningKey b = stored.add(2, T0.plus(days(90)));
        clock.set(T0.plus(days(80)));
        ring.check();
        SigningKeyJwtEncoder encoder = new SigningKeyJwtEncoder(ring);

        Jwt signedByA = encoder.encode(JwtEncoderParameters.from(claims()));
        clock.set(T0.plus(days(90)));
        Jwt signedByB = encoder.encode(JwtEncoderParameters.from(claims()));

        assertThat(signedByA.getHeaders()).containsEntry("kid", a.kid());
        assertThat(SignedJWT.parse(signedByA.getTokenValue())
                        .verify(new ECDSAVerifier(a.publicJwk().toECKey())))
                .isTrue();
        assertThat(signedByB.getHeaders()).containsEntry("kid", b.kid());
        assertThat(SignedJWT.parse(signedByB.getTokenValue())
                        .verify(new ECDSAVerifier(b.publicJwk().toECKey())))
                .isTrue();
        assertThat(SignedJWT.parse(signedByB.getTokenValue())
                        .verify(new ECDSAVerifier(a.publicJwk().toECKey())))
                .isFalse();
    }

    @Test
    void duringAChangeOfAlgorithmTheOldKeySignsWithItsOwnAlgorithmUntilTheNewOneTakesOver() throws Exception {
        SigningKey rsa = stored.add(1, KeyAlgorithm.RS256, T0);
        clock.set(T0.plus(days(1)));
        ring.check();
        SigningKey ec = stored.keys.get(0);
        SigningKeyJwtEncoder encoder = new SigningKeyJwtEncoder(ring);
        SigningAlgorithms algorithms = new SigningAlgorithms(ring);

        assertThat(ec.algorithm()).isEqualTo(KeyAlgorithm.ES256);
        assertThat(ec.activatesAt()).isEqualTo(T0.plus(days(15)));
        assertThat(algorithms.current()).containsExactly("RS256", "ES256");
        Jwt asked = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES256).build(), claims()));
        assertThat(algorithmOf(asked)).isEqualTo("RS256");
        assertThat(SignedJWT.parse(asked.getTokenValue())
                        .verify(new RSASSAVerifier(rsa.publicJwk().toRSAKey())))
                .isTrue();

        clock.set(T0.plus(days(15)));
        assertThat(algorithms.current()).containsExactly("ES256");
        Jwt afterwards = encoder.encode(JwtEncoderParameters.from(claims()));
        assertThat(algorithmOf(afterwards)).isEqualTo("ES256");
        assertThat(afterwards.getHeaders()).containsEntry("kid", ec.kid());
    }

    @Test
    void theJwksHasEveryPublishedKeyWithoutItsPrivatePart() throws Exception {
        SigningKey a = stored.add(1, T0);
        SigningKey b = stored.add(2, T0.plus(days(90)));
        clock.set(T0.plus(days(80)));
        ring.check();

        List<JWK> published = new PublishedKeySource(ring).get(new JWKSelector(new JWKMatcher.Builder().build()), null);

        assertThat(published).extracting(JWK::getKeyID).containsExactly(b.kid(), a.kid());
        assertThat(published).noneMatch(JWK::isPrivate);
    }

    private static String algorithmOf(Jwt jwt) throws ParseException {
        return SignedJWT.parse(jwt.getTokenValue()).getHeader().getAlgorithm().getName();
    }

    private JwtClaimsSet claims() {
        return JwtClaimsSet.builder()
                .subject("user-1")
                .issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(Duration.ofMinutes(5)))
                .build();
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /** The rows of signing_keys in a list (newest first), behind a mocked {@link SigningKeyStore}. */
    static final class StoredKeys {

        final SigningKeyStore store = mock(SigningKeyStore.class);

        final List<SigningKey> keys = new CopyOnWriteArrayList<>();

        /** Another instance's insert, just before this one's: run once. */
        Runnable beforeNextInsert;

        StoredKeys() {
            when(store.findAll()).thenAnswer(call -> List.copyOf(keys));
            when(store.insertIfGenerationFree(any())).thenAnswer(call -> {
                if (beforeNextInsert != null) {
                    Runnable other = beforeNextInsert;
                    beforeNextInsert = null;
                    other.run();
                }
                SigningKey key = call.getArgument(0);
                if (keys.stream().anyMatch(existing -> existing.generation() == key.generation())) {
                    return false;
                }
                insert(key);
                return true;
            });
            doAnswer(call -> keys.removeIf(key -> key.kid().equals(call.getArgument(0))))
                    .when(store)
                    .delete(anyString());
        }

        SigningKey add(long generation, Instant activatesAt) {
            return add(generation, KeyAlgorithm.ES256, activatesAt);
        }

        SigningKey add(long generation, KeyAlgorithm algorithm, Instant activatesAt) {
            String kid = "key-" + generation;
            SigningKey key = new SigningKey(
                    kid, generation, algorithm, algorithm.generate(kid), activatesAt.minus(days(14)), activatesAt);
            insert(key);
            return key;
        }

        SigningKey single() {
            assertThat(keys).hasSize(1);
            return keys.get(0);
        }

        private void insert(SigningKey key) {
            keys.add(key);
            keys.sort(Comparator.comparingLong(SigningKey::generation).reversed());
        }
    }
}
