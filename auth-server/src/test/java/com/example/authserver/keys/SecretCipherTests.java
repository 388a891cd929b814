package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.keys.SecretCipher.Sealed;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretCipherTests {

    static final String PRIVATE_JWK = "{\"kty\":\"EC\",\"d\":\"secret\"}";

    SecretCipher cipher = cipher(randomKeyEncryptionKey());

    @Test
    void sealedKeyOpensWithTheSameKeyEncryptionKeyAndKid() {
        Sealed sealed = cipher.seal("kid-1", PRIVATE_JWK);

        assertThat(sealed.version()).isEqualTo(1);
        assertThat(sealed.iv()).hasSize(12);
        assertThat(new String(sealed.ciphertext())).doesNotContain("secret").doesNotContain("\"d\"");
        assertThat(cipher.open("kid-1", sealed)).isEqualTo(PRIVATE_JWK);
    }

    @Test
    void everySealHasAnIvOfItsOwn() {
        assertThat(cipher.seal("kid-1", PRIVATE_JWK).iv())
                .isNotEqualTo(cipher.seal("kid-1", PRIVATE_JWK).iv());
    }

    @Test
    void sealedKeyDoesNotOpenUnderAnotherKid() {
        Sealed sealed = cipher.seal("kid-1", PRIVATE_JWK);

        assertThatThrownBy(() -> cipher.open("kid-2", sealed)).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void anotherKeyEncryptionKeyIsReportedWithWhatToConfigure() {
        Sealed sealed = cipher.seal("kid-1", PRIVATE_JWK);

        assertThatThrownBy(() -> cipher(randomKeyEncryptionKey()).open("kid-1", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Signing key kid-1 in table signing_keys cannot be decrypted with the configured "
                        + "key-encryption key")
                .hasMessageContaining("AUTHFORGE_KEYS_ENCRYPTION_KEY");
    }

    static SecretCipher cipher(String keyEncryptionKey) {
        KeyProperties properties = new KeyProperties();
        properties.setEncryptionKey(keyEncryptionKey);
        return new SecretCipher(new KeyEncryptionKeySource(properties, new MockEnvironment()));
    }

    static String randomKeyEncryptionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
