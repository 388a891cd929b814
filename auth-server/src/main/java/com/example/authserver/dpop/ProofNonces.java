package com.example.authserver.dpop;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Server-provided DPoP nonces (RFC 9449 section 8) that need no shared state but one secret: the nonce of a time
 * window is an HMAC of the window's number, so every instance hands out and accepts the same nonces. A nonce is
 * accepted in its own window and the next, so one handed out just before a window ends still works.
 * <p>
 * The secret is created on first use and kept in table {@code dpop_nonce_key}, shared by the instances. It only
 * keeps clients from computing future nonces (and so from making proofs in advance); it protects no token.
 */
class ProofNonces {

    private static final String KEY_NAME = "nonce";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcOperations jdbc;

    private final DPoPProperties properties;

    private final Clock clock;

    private volatile SecretKeySpec key;

    ProofNonces(JdbcOperations jdbc, DPoPProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    boolean required() {
        return properties.isRequireNonce();
    }

    /** The nonce to hand out now. */
    String current() {
        return nonceOf(window());
    }

    /** Whether {@code nonce} is the current window's or the previous one's. */
    boolean accepts(String nonce) {
        if (nonce == null) {
            return false;
        }
        long window = window();
        return matches(nonce, nonceOf(window)) || matches(nonce, nonceOf(window - 1));
    }

    private long window() {
        return clock.millis() / properties.getNonceLifetime().toMillis();
    }

    private String nonceOf(long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return BASE64URL.encodeToString(mac.doFinal(("dpop-nonce:" + window).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }

    private static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(
                given.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    private SecretKeySpec key() {
        SecretKeySpec loaded = key;
        if (loaded == null) {
            loaded = new SecretKeySpec(Base64.getDecoder().decode(storedSecret()), "HmacSHA256");
            key = loaded;
        }
        return loaded;
    }

    /** The shared secret; the first instance to need it creates it, the others read that one. */
    private String storedSecret() {
        String secret = read();
        if (secret != null) {
            return secret;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            jdbc.update(
                    "insert into dpop_nonce_key (name, secret) values (?, ?)",
                    KEY_NAME,
                    Base64.getEncoder().encodeToString(bytes));
        } catch (DuplicateKeyException createdByAnotherInstance) {
            // read below
        }
        return read();
    }

    private String read() {
        return jdbc.query(
                "select secret from dpop_nonce_key where name = ?",
                row -> row.next() ? row.getString(1) : null,
                KEY_NAME);
    }
}
