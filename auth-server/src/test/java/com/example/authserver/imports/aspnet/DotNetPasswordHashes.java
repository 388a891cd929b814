package com.example.authserver.imports.aspnet;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as ASP.NET Core Identity's PasswordHasher writes them, computed from its documented format
 * (PasswordHasher.cs): v2 {@code 0x00 | salt16 | subkey32}, PBKDF2-HMAC-SHA1 with 1000 iterations; v3
 * {@code 0x01 | prf | iterations | salt length | salt | subkey32}, the numbers unsigned 32-bit big-endian.
 */
final class DotNetPasswordHashes {

    /** The PRF codes of the v3 format. */
    enum Prf {
        SHA1(0, "PBKDF2WithHmacSHA1"),
        SHA256(1, "PBKDF2WithHmacSHA256"),
        SHA512(2, "PBKDF2WithHmacSHA512");

        final int code;

        final String algorithm;

        Prf(int code, String algorithm) {
            this.code = code;
            this.algorithm = algorithm;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private DotNetPasswordHashes() {}

    static String v2(String password) {
        byte[] salt = salt(16);
        byte[] subkey = pbkdf2(Prf.SHA1, password, salt, 1000);
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(49)
                        .put((byte) 0)
                        .put(salt)
                        .put(subkey)
                        .array());
    }

    static String v3(String password, Prf prf, int iterations) {
        byte[] salt = salt(16);
        byte[] subkey = pbkdf2(prf, password, salt, iterations);
        ByteBuffer bytes = ByteBuffer.allocate(13 + salt.length + subkey.length)
                .put((byte) 1)
                .putInt(prf.code)
                .putInt(iterations)
                .putInt(salt.length)
                .put(salt)
                .put(subkey);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static byte[] salt(int length) {
        byte[] salt = new byte[length];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] pbkdf2(Prf prf, String password, byte[] salt, int iterations) {
        try {
            // .NET hashes the password's UTF-8 bytes, as the JDK's PBKDF2 does with the chars (ASCII passwords here)
            return SecretKeyFactory.getInstance(prf.algorithm)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
