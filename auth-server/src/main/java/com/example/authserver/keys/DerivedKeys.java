package com.example.authserver.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keys for other purposes than sealing, derived from the key-encryption key: HMAC-SHA256 of the purpose under the
 * key-encryption key (HKDF's expand step with one block). Every instance configured with the same key-encryption key
 * derives the same keys, across restarts, and nothing more has to be stored or configured. A derived key changes
 * with the key-encryption key: what it protects must be short-lived (user codes of the device flow, say).
 */
@Component
public class DerivedKeys {

    private final KeyEncryptionKeySource keySource;

    DerivedKeys(KeyEncryptionKeySource keySource) {
        this.keySource = keySource;
    }

    /** A 256-bit HMAC-SHA256 key for {@code purpose} (a fixed name, such as {@code "device-codes"}). */
    public SecretKey hmacKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keySource.key().getEncoded(), "HmacSHA256"));
            byte[] derived = mac.doFinal(("authforge/" + purpose + "/1").getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256", ex);
        }
    }
}
