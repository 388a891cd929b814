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
 * hash ({@code identity/PasswordHashing}). Stored as {@code {sha256}<base64>}: exactly IdentityServer's
 * {@code "secret".Sha256()}, so secrets imported from IdentityServer stay valid; its {@code Sha512()} hashes are kept
 * as {@code {sha512}<base64>}. New secrets are always hashed with SHA-256.
 */
@Component
public class ClientSecretHashing {

    private static final String ID = "sha256";

    /** The prefix of IdentityServer's {@code Sha512()} hashes, kept by imports. */
    public static final String SHA512_PREFIX = "{sha512}";

    /** The prefix of SHA-256 hashes, IdentityServer's {@code Sha256()}. */
    public static final String SHA256_PREFIX = "{" + ID + "}";

    private final DelegatingPasswordEncoder encoder =
            new DelegatingPasswordEncoder(ID, Map.of(ID, new ShaDigest("SHA-256"), "sha512", new ShaDigest("SHA-512")));

    public ClientSecretHashing() {
        // a stored secret without an {id} prefix is read as a SHA-256 hash: a mismatch, never an error
        encoder.setDefaultPasswordEncoderForMatches(new ShaDigest("SHA-256"));
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

    /** Base64 of the digest of the UTF-8 secret, compared in constant time. */
    private static final class ShaDigest implements PasswordEncoder {

        private final String algorithm;

        ShaDigest(String algorithm) {
            this.algorithm = algorithm;
        }

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

        private byte[] digest(CharSequence value) {
            try {
                return MessageDigest.getInstance(algorithm)
                        .digest(value.toString().getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
