package com.example.authserver.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random values this feature hands out (initial and registration access tokens, client secrets: 256 bits each)
 * and the SHA-256 (64 hex characters) that is all the database keeps of a token. A fast hash is enough for values
 * this random, as for client secrets (clients/ClientSecretHashing).
 */
final class RegistrationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RegistrationTokens() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
