package com.example.authserver.imports.aspnet;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Recognises the two formats of ASP.NET Core Identity's PasswordHasher, so that an unreadable hash fails its row at
 * import time instead of failing the user's sign-in later. Verifying a password is the {@code {aspnet}} encoder's
 * job (identity/PasswordHashing); the hash is stored as the source had it, behind that prefix.
 * <ul>
 * <li>v2 (ASP.NET Identity 2, before Core): {@code 0x00 | salt (16) | subkey (32)}, PBKDF2-HMAC-SHA1, 1000
 * iterations.</li>
 * <li>v3: {@code 0x01 | prf | iterations | salt length | salt | subkey}, the three numbers unsigned 32-bit big-endian,
 * prf 0 = HMAC-SHA1, 1 = HMAC-SHA256, 2 = HMAC-SHA512.</li>
 * </ul>
 */
final class AspNetPasswordHashes {

    static final String PREFIX = "{aspnet}";

    private static final int V2_LENGTH = 1 + 16 + 32;

    private static final int V3_HEADER = 1 + 4 + 4 + 4;

    private static final int MIN_SALT = 8;

    private static final int MIN_SUBKEY = 16;

    private AspNetPasswordHashes() {}

    /** Why the stored hash cannot be a hash PasswordHasher wrote, or null if it can. */
    static String problem(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException ex) {
            return "PasswordHash is not Base64";
        }
        if (bytes.length == 0) {
            return "PasswordHash is empty";
        }
        return switch (bytes[0]) {
            case 0x00 -> bytes.length == V2_LENGTH ? null : "PasswordHash (v2) has " + bytes.length + " bytes, not 49";
            case 0x01 -> v3Problem(bytes);
            default -> "PasswordHash has an unknown format marker " + (bytes[0] & 0xff) + " (0 = v2, 1 = v3)";
        };
    }

    private static String v3Problem(byte[] bytes) {
        if (bytes.length < V3_HEADER + MIN_SALT + MIN_SUBKEY) {
            return "PasswordHash (v3) is too short";
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 1, V3_HEADER - 1);
        long prf = Integer.toUnsignedLong(header.getInt());
        long iterations = Integer.toUnsignedLong(header.getInt());
        long saltLength = Integer.toUnsignedLong(header.getInt());
        if (prf > 2) {
            return "PasswordHash (v3) names an unknown PRF " + prf + " (0 SHA-1, 1 SHA-256, 2 SHA-512)";
        }
        if (iterations == 0 || iterations > Integer.MAX_VALUE) {
            return "PasswordHash (v3) has an impossible iteration count " + iterations;
        }
        if (saltLength < MIN_SALT || V3_HEADER + saltLength + MIN_SUBKEY > bytes.length) {
            return "PasswordHash (v3) has an impossible salt length " + saltLength;
        }
        return null;
    }
}
