package com.example.authserver.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signing keys as the admin console shows them (admin/keys), and its "rotate now": the published keys with their
 * phase and times, read from this instance's {@link SigningKeyRing}, and a rotation that follows the same rules as the
 * scheduled one ({@link RotationPolicy}): a new key is published first and signs only after the propagation time.
 */
@Component
public class SigningKeyOverview {

    /** Where a published key is in its life. */
    public enum Phase {
        /** Published, not signing yet: clients fetch it before its first token. */
        NEXT,
        /** Signs every new token. */
        CURRENT,
        /** Replaced, still published so that its tokens verify until they expire. */
        RETIRING
    }

    /**
     * One published key: when it was created (and published), started or starts signing, stops or stopped signing
     * (for the current key, the scheduled rotation unless a successor says otherwise), and is deleted.
     */
    public record PublishedKey(
            String kid,
            String algorithm,
            Phase phase,
            Instant createdAt,
            Instant activatesAt,
            Instant retiresAt,
            Instant removedAt) {}

    private final SigningKeyRing ring;

    private final RotationPolicy policy;

    private final Clock clock;

    SigningKeyOverview(SigningKeyRing ring, RotationPolicy policy, Clock clock) {
        this.ring = ring;
        this.policy = policy;
        this.clock = clock;
    }

    /** The keys the JWKS publishes now, newest first. */
    public List<PublishedKey> publishedKeys() {
        List<SigningKey> keys = ring.publishedKeys();
        Instant now = clock.instant();
        String signing = policy.signingKey(keys, now).map(SigningKey::kid).orElse(null);
        return keys.stream()
                .map(key -> new PublishedKey(
                        key.kid(),
                        key.algorithm().name(),
                        key.kid().equals(signing)
                                ? Phase.CURRENT
                                : key.hasActivatedBy(now) ? Phase.RETIRING : Phase.NEXT,
                        key.createdAt(),
                        key.activatesAt(),
                        policy.retirement(keys, key),
                        policy.removal(keys, key)))
                .toList();
    }

    /** The published key waiting to sign, if any: while there is one, "rotate now" has nothing to do. */
    public Optional<PublishedKey> nextKey() {
        return publishedKeys().stream().filter(key -> key.phase() == Phase.NEXT).findFirst();
    }

    /**
     * Publishes a new key now, which signs once the propagation time has passed (the rotation becomes due now), unless
     * a key is already waiting. The waiting key afterwards: the new one, or the one that was there.
     */
    public Optional<PublishedKey> rotateNow() {
        return ring.rotateNow()
                .flatMap(key -> publishedKeys().stream()
                        .filter(published -> published.kid().equals(key.kid()))
                        .findFirst());
    }
}
