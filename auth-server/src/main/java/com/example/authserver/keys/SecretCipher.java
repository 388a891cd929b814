package com.example.authserver.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Seals secrets for the database: AES-256-GCM under the key-encryption key, a random 96-bit IV per
 * secret, and what the secret belongs to as associated data (a sealed value copied to another row does not
 * open). Private signing keys use {@link #seal}/{@link #open} (the key id is the associated data); other
 * secrets, such as authenticator keys, use {@link #sealText}/{@link #openText}. Version 1 is this scheme;
 * a later scheme gets the next number and this class keeps opening version 1.
 */
@Component
public class SecretCipher {

    static final int VERSION = 1;

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final KeyEncryptionKeySource keySource;

    private final SecureRandom random = new SecureRandom();

    SecretCipher(KeyEncryptionKeySource keySource) {
        this.keySource = keySource;
    }

    /** What the database stores for a private key. */
    record Sealed(int version, byte[] iv, byte[] ciphertext) {}

    Sealed seal(String kid, String privateJwkJson) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, iv);
            return new Sealed(VERSION, iv, cipher.doFinal(privateJwkJson.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
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
        } catch (AEADBadTagException ex) {
            throw new IllegalStateException(
                    "Signing key " + kid + " in table signing_keys cannot be decrypted with "
                            + keySource.description()
                            + ": it was encrypted with another key-encryption key. Start with "
                            + "the key it was encrypted with (authforge.keys.encryption-key, environment variable "
                            + "AUTHFORGE_KEYS_ENCRYPTION_KEY), or, in development only, delete the rows of signing_keys to "
                            + "start with new keys.",
                    ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not decrypt signing key " + kid, ex);
        }
    }

    /** The secret sealed into one line of text ({@code v1.<iv>.<ciphertext>}, base64url), bound to {@code owner}. */
    public String sealText(String owner, String secret) {
        Sealed sealed = seal(owner, secret);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "v" + sealed.version() + "." + base64.encodeToString(sealed.iv()) + "."
                + base64.encodeToString(sealed.ciphertext());
    }

    /** The secret {@link #sealText} sealed for the same {@code owner}; fails if it was sealed for another. */
    public String openText(String owner, String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 3 || !parts[0].equals("v" + VERSION)) {
            throw new IllegalStateException("A sealed value of " + owner + " has an unknown format");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        Sealed sealed = new Sealed(VERSION, base64.decode(parts[1]), base64.decode(parts[2]));
        try {
            return new String(
                    cipher(Cipher.DECRYPT_MODE, owner, sealed.iv()).doFinal(sealed.ciphertext()),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(
                    "A sealed value of " + owner + " cannot be decrypted with " + keySource.description() + " ("
                            + KeyEncryptionKeySource.HOW_TO_CONFIGURE + ")",
                    ex);
        }
    }

    private Cipher cipher(int mode, String kid, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keySource.key(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
