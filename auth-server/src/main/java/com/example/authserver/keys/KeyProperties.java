package com.example.authserver.keys;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing-key settings, under {@code authforge.keys} in application.yml. A key is published in the
 * JWKS {@link #propagationTime} before it signs, signs for {@link #rotationInterval}, and stays
 * published for {@link #retentionTime} after its successor takes over.
 */
@ConfigurationProperties("authforge.keys")
class KeyProperties {

    /**
     * The algorithm of new signing keys: RS256 (every client accepts it) or ES256 (smaller and faster, but clients must
     * accept ES256 ID tokens). After a change, the next check publishes a key of the new algorithm, which signs once
     * the propagation time has passed.
     */
    private KeyAlgorithm algorithm = KeyAlgorithm.RS256;

    /** How long a key signs before the next one takes over. */
    private Duration rotationInterval = Duration.ofDays(90);

    /** How long a new key is published before it signs: longer than clients cache the JWKS. */
    private Duration propagationTime = Duration.ofDays(14);

    /** How long a key stays published after it stopped signing: longer than its tokens live. */
    private Duration retentionTime = Duration.ofDays(14);

    /**
     * How often each instance reloads the keys from the database and rotates them when due (shorter than the
     * propagation time).
     */
    private Duration checkInterval = Duration.ofHours(1);

    /**
     * The key-encryption key for the private keys in the database: base64 of 32 random bytes ({@code openssl rand
     * -base64 32}). Required in production: AUTHFORGE_KEYS_ENCRYPTION_KEY.
     */
    private String encryptionKey;

    /**
     * Where the key-encryption key is kept when none is configured, outside the prod profile only: created on first
     * use, readable by its owner only.
     */
    private Path developmentKeyFile = Path.of("data", "development-signing-kek");

    public KeyAlgorithm getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(KeyAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public Duration getRotationInterval() {
        return rotationInterval;
    }

    public void setRotationInterval(Duration rotationInterval) {
        this.rotationInterval = rotationInterval;
    }

    public Duration getPropagationTime() {
        return propagationTime;
    }

    public void setPropagationTime(Duration propagationTime) {
        this.propagationTime = propagationTime;
    }

    public Duration getRetentionTime() {
        return retentionTime;
    }

    public void setRetentionTime(Duration retentionTime) {
        this.retentionTime = retentionTime;
    }

    public Duration getCheckInterval() {
        return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    public Path getDevelopmentKeyFile() {
        return developmentKeyFile;
    }

    public void setDevelopmentKeyFile(Path developmentKeyFile) {
        this.developmentKeyFile = developmentKeyFile;
    }
}
