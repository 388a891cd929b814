package ${package}.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Seals a private JWK for the database: AES-256-GCM under the key-encryption key, a random 96-bit IV per
 * key, the key id as associated data (a sealed key copied to another row does not open). Version 1 is this
 * scheme; a later scheme gets the next number and this class keeps opening version 1.
 */
@Component
class PrivateKeyCipher {

    static final int VERSION = 1;

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final KeyEncryptionKeySource keySource;

    private final SecureRandom random = new SecureRandom();

    PrivateKeyCipher(KeyEncryptionKeySource keySource) {
        this.keySource = keySource;
    }

    /** What the database stores for a private key. */
    record Sealed(int version, byte[] iv, byte[] ciphertext) {
    }

    Sealed seal(String kid, String privateJwkJson) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, iv);
            return new Sealed(VERSION, iv, cipher.doFinal(privateJwkJson.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt signing key " + kid, ex);
        }
    }

    String open(String kid, Sealed sealed) {
        if (sealed.version() != VERSION) {
            throw new IllegalStateException("Signing key " + kid + " is sealed with encryption version "
                    + sealed.version() + ", which this server does not know");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, kid, sealed.iv());
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException ex) {
            throw new IllegalStateException("Signing key " + kid + " in table signing_keys cannot be decrypted with "
                    + keySource.description() + ": it was encrypted with another key-encryption key. Start with "
                    + "the key it was encrypted with (authforge.keys.encryption-key, environment variable "
                    + "AUTHFORGE_KEYS_ENCRYPTION_KEY), or, in development only, delete the rows of signing_keys to "
                    + "start with new keys.", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not decrypt signing key " + kid, ex);
        }
    }

    private Cipher cipher(int mode, String kid, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keySource.key(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
