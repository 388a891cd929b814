package com.example.authserver.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When keys are created, sign, and stop being published, as pure decisions on a list of keys (newest
 * first) and an instant. A key's life: created and published, it waits {@code propagation-time}; then
 * it signs until the next key activates ({@code rotation-interval} after it did), and stays published
 * for {@code retention-time} after that. Then it is deleted.
 */
@Component
class RotationPolicy {

    private final KeyProperties properties;

    RotationPolicy(KeyProperties properties) {
        this.properties = properties;
        // every instance loads a new key (at its next check) before the key signs
        requireShorter(
                "check-interval", properties.getCheckInterval(), "propagation-time", properties.getPropagationTime());
        // the next key is published during the last propagation-time of the current key's rotation-interval
        requireShorter(
                "propagation-time",
                properties.getPropagationTime(),
                "rotation-interval",
                properties.getRotationInterval());
        if (properties.getRetentionTime() == null
                || properties.getRetentionTime().isNegative()) {
            throw new IllegalStateException("authforge.keys.retention-time must be zero or more");
        }
    }

    /** The key that signs at {@code now}: the newest one whose activation time has passed. */
    Optional<SigningKey> signingKey(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> key.hasActivatedBy(now)).findFirst();
    }

    /** The keys the JWKS publishes at {@code now}: pending, signing, or retired less than the retention time ago. */
    List<SigningKey> published(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> !isExpired(keys, key, now)).toList();
    }

    /** The keys whose retention time is over at {@code now}: they are deleted. */
    List<SigningKey> expired(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> isExpired(keys, key, now)).toList();
    }

    /**
     * When the next key to create should start signing, if one should be created at {@code now}:
     * <ul>
     * <li>no key signs yet: a key that signs at once (the first start must not wait);</li>
     * <li>the signing key is the newest and its successor is due to be published (its rotation is less than
     * the propagation time away), or it has another algorithm than the configured one: a key that signs
     * when the rotation is due, and no sooner than the propagation time from now.</li>
     * </ul>
     */
    Optional<Instant> nextKeyActivation(List<SigningKey> keys, Instant now) {
        Optional<SigningKey> signing = signingKey(keys, now);
        if (signing.isEmpty()) {
            return Optional.of(now);
        }
        SigningKey current = signing.get();
        if (current.generation() != keys.get(0).generation()) {
            return Optional.empty(); // a successor is already published and waiting
        }
        Instant rotation = current.algorithm() == properties.getAlgorithm()
                ? current.activatesAt().plus(properties.getRotationInterval())
                : now;
        Instant earliest = now.plus(properties.getPropagationTime());
        if (rotation.isAfter(earliest)) {
            return Optional.empty();
        }
        return Optional.of(earliest.isAfter(rotation) ? earliest : rotation);
    }

    /**
     * When a key created at {@code now} by "rotate now" (the admin console) should start signing, if one may be
     * created: the rotation is due now, and the new key is published for the propagation time before it signs, like
     * every key, so that clients holding a cached JWKS can verify its tokens. Empty while a successor is already
     * published and waiting: it became due the same way and signs first; a key cannot sign sooner than the propagation
     * time after it was published, so that one is never brought forward either.
     */
    Optional<Instant> manualKeyActivation(List<SigningKey> keys, Instant now) {
        Optional<SigningKey> signing = signingKey(keys, now);
        if (signing.isPresent() && signing.get().generation() != keys.get(0).generation()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(properties.getPropagationTime()));
    }

    /** When the key stops signing: its successor's activation, else its own activation plus the rotation interval. */
    Instant retirement(List<SigningKey> keys, SigningKey key) {
        return keys.stream()
                .filter(newer -> newer.generation() > key.generation())
                .map(SigningKey::activatesAt)
                .min(Instant::compareTo)
                .orElse(key.activatesAt().plus(properties.getRotationInterval()));
    }

    /** When the key is deleted: the retention time after it stopped signing. */
    Instant removal(List<SigningKey> keys, SigningKey key) {
        return retirement(keys, key).plus(properties.getRetentionTime());
    }

    /** A key is expired once a newer key has signed for longer than the retention time. */
    private boolean isExpired(List<SigningKey> keys, SigningKey key, Instant now) {
        return keys.stream()
                .filter(newer -> newer.generation() > key.generation() && newer.hasActivatedBy(now))
                .anyMatch(newer ->
                        !newer.activatesAt().plus(properties.getRetentionTime()).isAfter(now));
    }

    private static void requireShorter(String shorter, Duration shorterValue, String longer, Duration longerValue) {
        if (shorterValue == null
                || longerValue == null
                || shorterValue.isNegative()
                || shorterValue.isZero()
                || shorterValue.compareTo(longerValue) >= 0) {
            throw new IllegalStateException("authforge.keys." + shorter + " (" + shorterValue
                    + ") must be more than zero and shorter than authforge.keys." + longer + " (" + longerValue + ")");
        }
    }
}
