package com.example.authserver.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes client secrets with SHA-256, as IdentityServer does. Client secrets are long random values,
 * so a fast hash is enough and keeps the token endpoint fast: a slow password hash (bcrypt) on every
 * token request would cap this server at a few dozen tokens per second. User passwords keep a slow
 * hash ({@code identity/PasswordHashing}). Stored as {@code {sha256}<base64>}.
 */
@Component
public class ClientSecretHashing {

    private static final String ID = "sha256";

    private final DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ID, Map.of(ID, new Sha256()));

    public ClientSecretHashing() {
        // a stored secret without an {id} prefix is read as a SHA-256 hash: a mismatch, never an error
        encoder.setDefaultPasswordEncoderForMatches(new Sha256());
    }

    public String encode(CharSequence rawSecret) {
        return encoder.encode(rawSecret);
    }

    public boolean matches(CharSequence rawSecret, String encodedSecret) {
        return rawSecret != null && encodedSecret != null && encoder.matches(rawSecret, encodedSecret);
    }

    /** The encoder the token endpoint checks client secrets with; it never asks to re-hash a secret. */
    public PasswordEncoder passwordEncoder() {
        return encoder;
    }

    private static final class Sha256 implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawSecret) {
            return Base64.getEncoder().encodeToString(digest(rawSecret));
        }

        @Override
        public boolean matches(CharSequence rawSecret, String encodedSecret) {
            byte[] expected;
            try {
                expected = Base64.getDecoder().decode(encodedSecret);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            return MessageDigest.isEqual(digest(rawSecret), expected);
        }

        private static byte[] digest(CharSequence value) {
            try {
                return MessageDigest.getInstance("SHA-256")
                        .digest(value.toString().getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
