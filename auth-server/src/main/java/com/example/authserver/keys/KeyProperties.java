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

    /** The algorithm of new keys: RS256 or ES256. */
    private KeyAlgorithm algorithm = KeyAlgorithm.RS256;

    /** How long a key signs before the next one takes over. */
    private Duration rotationInterval = Duration.ofDays(90);

    /** How long a new key is published before it signs, so that clients have fetched it. */
    private Duration propagationTime = Duration.ofDays(14);

    /** How long a key stays published after it stopped signing, so that its tokens still validate. */
    private Duration retentionTime = Duration.ofDays(14);

    /** How often each instance reloads the keys from the database and rotates them when due. */
    private Duration checkInterval = Duration.ofHours(1);

    /** The key-encryption key: base64 of 32 random bytes (AUTHFORGE_KEYS_ENCRYPTION_KEY). */
    private String encryptionKey;

    /** Where the key-encryption key is kept when none is configured, outside the prod profile only. */
    private Path developmentKeyFile = Path.of("data", "development-signing-kek");

    KeyAlgorithm getAlgorithm() {
        return algorithm;
    }

    void setAlgorithm(KeyAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    Duration getRotationInterval() {
        return rotationInterval;
    }

    void setRotationInterval(Duration rotationInterval) {
        this.rotationInterval = rotationInterval;
    }

    Duration getPropagationTime() {
        return propagationTime;
    }

    void setPropagationTime(Duration propagationTime) {
        this.propagationTime = propagationTime;
    }

    Duration getRetentionTime() {
        return retentionTime;
    }

    void setRetentionTime(Duration retentionTime) {
        this.retentionTime = retentionTime;
    }

    Duration getCheckInterval() {
        return checkInterval;
    }

    void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    String getEncryptionKey() {
        return encryptionKey;
    }

    void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    Path getDevelopmentKeyFile() {
        return developmentKeyFile;
    }

    void setDevelopmentKeyFile(Path developmentKeyFile) {
        this.developmentKeyFile = developmentKeyFile;
    }
}
