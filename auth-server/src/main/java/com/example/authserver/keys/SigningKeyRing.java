package com.example.authserver.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the signing keys: loaded from {@link SigningKeyStore} at start-up and at every
 * {@code check-interval}, when it also creates the next key and deletes expired ones as {@link RotationPolicy}
 * says. Between checks, signing and the JWKS read the copy in memory (no database query per token); which key
 * signs and which are published is decided against the clock at each use, so a key activated by any instance
 * signs here on time.
 */
@Component
class SigningKeyRing implements SmartLifecycle, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    /** A token with an unknown key id reloads the keys, but at most this often. */
    private static final Duration UNKNOWN_KEY_RELOAD_INTERVAL = Duration.ofSeconds(30);

    private final SigningKeyStore store;

    private final RotationPolicy policy;

    private final KeyProperties properties;

    private final Clock clock;

    private volatile List<SigningKey> keys = List.of();

    private volatile Instant loadedAt = Instant.MIN;

    private volatile boolean running;

    SigningKeyRing(SigningKeyStore store, RotationPolicy policy, KeyProperties properties, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs now. */
    SigningKey signingKey() {
        return policy.signingKey(keys, clock.instant())
                .orElseThrow(() -> new IllegalStateException("No signing key is active: the keys are not loaded"));
    }

    /** The keys the JWKS publishes now (and tokens are verified with). */
    List<SigningKey> publishedKeys() {
        return policy.published(keys, clock.instant());
    }

    /** Runs {@link #check()} every {@code authforge.keys.check-interval}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::check, properties.getCheckInterval(), properties.getCheckInterval()));
    }

    /**
     * Reloads the keys from the database, creates the next key if one is due (or none signs yet), and deletes
     * keys whose retention time is over. Every instance does this; the database decides races.
     */
    synchronized void check() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SigningKey> loaded = store.findAll();
        Optional<Instant> activation = policy.nextKeyActivation(loaded, now);
        if (activation.isPresent()) {
            create(loaded, now, activation.get());
            loaded = store.findAll();
        }
        deleteExpiredAndHold(loaded, now);
    }

    /**
     * "Rotate now" (the admin console): publishes a new key that signs once the propagation time has passed
     * ({@link RotationPolicy#manualKeyActivation}), unless a successor is already waiting. The new key, or the one that
     * was waiting or that another instance created at the same moment; empty if none could be made.
     */
    synchronized Optional<SigningKey> rotateNow() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SigningKey> loaded = store.findAll();
        Optional<Instant> activation = policy.manualKeyActivation(loaded, now);
        if (activation.isPresent()) {
            create(loaded, now, activation.get());
            loaded = store.findAll();
        }
        deleteExpiredAndHold(loaded, now);
        return loaded.isEmpty() || !loaded.get(0).activatesAt().isAfter(now)
                ? Optional.empty()
                : Optional.of(loaded.get(0));
    }

    private void create(List<SigningKey> loaded, Instant now, Instant activation) {
        long generation = loaded.isEmpty() ? 1 : loaded.get(0).generation() + 1;
        String kid = UUID.randomUUID().toString();
        KeyAlgorithm algorithm = properties.getAlgorithm();
        SigningKey key = new SigningKey(kid, generation, algorithm, algorithm.generate(kid), now, activation);
        if (store.insertIfGenerationFree(key)) {
            log.info("Created signing key {} ({}), published now, signing from {}", kid, algorithm, activation);
        } else {
            log.info("Another instance created signing key generation {} first; using that one", generation);
        }
    }

    /** Deletes the keys whose retention time is over, and holds the others for signing and the JWKS. */
    private void deleteExpiredAndHold(List<SigningKey> loaded, Instant now) {
        for (SigningKey expired : policy.expired(loaded, now)) {
            store.delete(expired.kid());
            log.info("Deleted signing key {}: its retention time is over", expired.kid());
        }
        keys = policy.published(loaded, now);
        loadedAt = clock.instant();
    }

    /** Called when a token names a key this instance does not hold: another instance may have just created it. */
    void reloadForUnknownKey() {
        Instant now = clock.instant();
        if (loadedAt.plus(UNKNOWN_KEY_RELOAD_INTERVAL).isBefore(now)) {
            synchronized (this) {
                if (loadedAt.plus(UNKNOWN_KEY_RELOAD_INTERVAL).isBefore(now)) {
                    loadedAt = clock.instant();
                    try {
                        keys = store.findAll();
                    } catch (RuntimeException ex) {
                        log.warn("Could not reload the signing keys; keeping the ones loaded before", ex);
                    }
                }
            }
        }
    }

    /** Loads (or creates) the keys before the web server takes requests; a wrong key-encryption key stops here. */
    @Override
    public void start() {
        try {
            check();
        } catch (IllegalStateException ex) {
            log.error("The server cannot start: {}", ex.getMessage());
            throw ex;
        }
        SigningKey signing = signingKey();
        log.info("Signing with key {} ({}); {} key(s) published", signing.kid(), signing.algorithm(), keys.size());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server, which starts in phase {@code Integer.MAX_VALUE - 1024}. */
    @Override
    public int getPhase() {
        return 0;
    }
}
