package com.example.authserver.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key-encryption key (KEK) that seals the signing keys' private parts: {@code authforge.keys.encryption-key}
 * (environment variable {@code AUTHFORGE_KEYS_ENCRYPTION_KEY}), or, outside the {@code prod} profile only, a
 * development key file created on first use. Resolved when first needed, so that configuration errors of
 * other beans are reported first.
 */
@Component
class KeyEncryptionKeySource {

    static final String HOW_TO_CONFIGURE = "set authforge.keys.encryption-key (environment variable "
            + "AUTHFORGE_KEYS_ENCRYPTION_KEY) to the base64 of 32 random bytes, for example the output of "
            + "'openssl rand -base64 32'";

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeySource.class);

    private static final int KEY_BYTES = 32;

    private final KeyProperties properties;

    private final Environment environment;

    private SecretKey key;

    private String description;

    KeyEncryptionKeySource(KeyProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The AES-256 key-encryption key. */
    synchronized SecretKey key() {
        if (key == null) {
            String configured = properties.getEncryptionKey();
            if (configured != null && !configured.isBlank()) {
                key = decode(configured, "authforge.keys.encryption-key");
                description = "the configured key-encryption key (authforge.keys.encryption-key)";
            } else if (environment.matchesProfiles("prod")) {
                throw new IllegalStateException("No key-encryption key for the signing keys: " + HOW_TO_CONFIGURE
                        + ". The prod profile never uses a development key file.");
            } else {
                Path file = properties.getDevelopmentKeyFile().toAbsolutePath().normalize();
                key = decode(readOrCreate(file), "the development key file " + file);
                description = "the development key file " + file;
                log.info(
                        "Signing keys are encrypted with the development key file {} (for development only: in "
                                + "production, {})",
                        file,
                        HOW_TO_CONFIGURE);
            }
        }
        return key;
    }

    /** Where the key comes from, for messages; never the key itself. */
    synchronized String description() {
        key();
        return description;
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException ex) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The key-encryption key in " + source + " is not the base64 of " + KEY_BYTES
                    + " bytes: " + HOW_TO_CONFIGURE);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Reads the development key file, or writes a new random key to it, readable by its owner only. */
    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            String base64 = Base64.getEncoder().encodeToString(bytes);
            Path temporary = ownerOnlyFile(file.getParent());
            Files.writeString(temporary, base64 + System.lineSeparator(), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException ex) { // another process created it first: use theirs
                Files.delete(temporary);
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            log.info("Created the development key-encryption key file {}", file);
            return base64;
        } catch (IOException ex) {
            throw new IllegalStateException(
                    "Could not read or create the development key file " + file + ": " + HOW_TO_CONFIGURE
                            + ", or set authforge.keys.development-key-file",
                    ex);
        }
    }

    private static Path ownerOnlyFile(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    folder,
                    ".development-signing-kek",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(folder, ".development-signing-kek", ".tmp");
    }
}
