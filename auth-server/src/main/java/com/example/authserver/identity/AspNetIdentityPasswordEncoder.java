package com.example.authserver.identity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks passwords against hashes imported from ASP.NET Core Identity (the {@code AspNetUsers.PasswordHash} column)
 * exactly as .NET's {@code PasswordHasher<TUser>.VerifyHashedPassword} does, so that imported users keep their
 * passwords. {@link PasswordHashing} registers it under the id {@code aspnet}; a hash with any id but Argon2id's is
 * re-hashed with Argon2id at the user's next successful sign-in ({@link UserManager#checkPassword}).
 * <p>
 * The formats .NET writes, in base64 (integers big-endian, the password hashed as UTF-8):
 * <ul>
 *   <li>version 2, {@code 0x00 | salt (16 bytes) | subkey (32)}: PBKDF2-HMAC-SHA1 with 1,000 iterations;
 *   <li>version 3, {@code 0x01 | PRF (4) | iterations (4) | salt length (4) | salt | subkey (the rest)}: PBKDF2 with
 *       HMAC-SHA1 (PRF 0), HMAC-SHA256 (1) or HMAC-SHA512 (2); salt and subkey at least 16 bytes each. .NET Core 1 to
 *       6 write HMAC-SHA256 with 10,000 iterations, .NET 7 and later HMAC-SHA512 with 100,000.
 * </ul>
 * Anything else (truncated, unknown version or PRF, bad base64, more work than {@link #MAX_WORK}) fails verification
 * and never throws; {@link #formatProblem} tells why, with the same checks.
 */
public final class AspNetIdentityPasswordEncoder implements PasswordEncoder {

    static final String ID = "aspnet";

    /**
     * The most PBKDF2 work (iterations times the PRF output blocks the subkey needs) a hash's header may ask for; a hash
     * asking more fails verification. Real hashes stay far below: .NET's defaults cost 2,000 (version 2), 10,000 (.NET
     * Core) and 100,000 (.NET 7+), and OWASP's highest PBKDF2 advice (HMAC-SHA1, 1,300,000 iterations) costs 2,600,000
     * for a 256-bit subkey. A corrupt or hostile row may state 2^32 iterations, which would hold a sign-in thread for
     * hours; the limit keeps every check under about ten seconds (about a microsecond a block).
     */
    static final long MAX_WORK = 10_000_000;

    private static final Logger log = LoggerFactory.getLogger(AspNetIdentityPasswordEncoder.class);

    private static final byte VERSION_2 = 0x00;

    private static final byte VERSION_3 = 0x01;

    private static final int V2_SALT_LENGTH = 16;

    private static final int V2_SUBKEY_LENGTH = 32;

    private static final int V2_ITERATIONS = 1_000;

    private static final int V3_HEADER_LENGTH = 13;

    private static final int V3_MIN_LENGTH = 16; // of salt and of subkey, as .NET checks

    private static final int DEFAULT_ITERATIONS = 100_000; // .NET 7 and later

    private static final int DEFAULT_SUBKEY_LENGTH = 32;

    /** What Convert.FromBase64String skips. */
    private static final Pattern BASE64_WHITESPACE = Pattern.compile("[ \t\r\n]");

    /** UTF-8 of U+FFFD, which .NET's Encoding.UTF8 writes for a lone surrogate (Java's String.getBytes writes '?'). */
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    /** .NET's KeyDerivationPrf, in the order of its values 0, 1, 2. */
    private enum Prf {
        HMAC_SHA1(SHA1Digest::new),
        HMAC_SHA256(SHA256Digest::new),
        HMAC_SHA512(SHA512Digest::new);

        final Supplier<Digest> digest;

        final int blockLength;

        Prf(Supplier<Digest> digest) {
            this.digest = digest;
            this.blockLength = digest.get().getDigestSize();
        }
    }

    private final BytesKeyGenerator saltGenerator;

    AspNetIdentityPasswordEncoder() {
        this(KeyGenerators.secureRandom(V3_MIN_LENGTH));
    }

    AspNetIdentityPasswordEncoder(BytesKeyGenerator saltGenerator) {
        this.saltGenerator = saltGenerator;
    }

    /**
     * What .NET 7 and later write by default (version 3, HMAC-SHA512, 100,000 iterations, 128-bit salt, 256-bit
     * subkey). The server never hashes with this; it is here for tests and for exporting back to .NET.
     */
    @Override
    public String encode(CharSequence rawPassword) {
        if (rawPassword == null) {
            return null;
        }
        byte[] salt = saltGenerator.generateKey();
        byte[] subkey = pbkdf2(Prf.HMAC_SHA512, utf8(rawPassword), salt, DEFAULT_ITERATIONS, DEFAULT_SUBKEY_LENGTH);
        ByteBuffer hash = ByteBuffer.allocate(V3_HEADER_LENGTH + salt.length + subkey.length)
                .put(VERSION_3)
                .putInt(Prf.HMAC_SHA512.ordinal())
                .putInt(DEFAULT_ITERATIONS)
                .putInt(salt.length)
                .put(salt)
                .put(subkey);
        return Base64.getEncoder().encodeToString(hash.array());
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        Parsed hash = parse(encodedPassword);
        if (hash.problem() != null) {
            return failed(hash.problem());
        }
        byte[] actualSubkey =
                pbkdf2(hash.prf(), utf8(rawPassword), hash.salt(), (int) hash.iterations(), hash.subkey().length);
        return MessageDigest.isEqual(actualSubkey, hash.subkey());
    }

    /**
     * Why this base64 text is not a hash this encoder verifies (the reason, for a person), or null if it is: the one
     * check of the format, with the limits verification applies, so an import refuses at once what could never sign
     * in (imports/aspnet).
     */
    public static String formatProblem(String base64) {
        return base64 == null ? "it is missing" : parse(base64).problem();
    }

    /** Every imported hash is replaced with the server's own at the next sign-in, whatever its strength. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encodedPassword != null && !encodedPassword.isEmpty();
    }

    /** A hash read: what to derive and compare, or why it cannot be a .NET hash verified here. */
    private record Parsed(Prf prf, long iterations, byte[] salt, byte[] subkey, String problem) {

        static Parsed refused(String problem) {
            return new Parsed(null, 0, null, null, problem);
        }
    }

    private static Parsed parse(String encoded) {
        byte[] hash = decode(encoded);
        if (hash == null || hash.length == 0) {
            return Parsed.refused("it is empty or not base64");
        }
        return switch (hash[0]) {
            case VERSION_2 -> parseVersion2(hash);
            case VERSION_3 -> parseVersion3(hash);
            default -> Parsed.refused("its version marker " + (hash[0] & 0xff) + " is unknown (0 = v2, 1 = v3)");
        };
    }

    private static Parsed parseVersion2(byte[] hash) {
        if (hash.length != 1 + V2_SALT_LENGTH + V2_SUBKEY_LENGTH) {
            return Parsed.refused("its version 2 payload is " + hash.length + " bytes long, not 49");
        }
        ByteBuffer fields = ByteBuffer.wrap(hash, 1, hash.length - 1);
        byte[] salt = take(fields, V2_SALT_LENGTH);
        return checked(Prf.HMAC_SHA1, V2_ITERATIONS, salt, take(fields, V2_SUBKEY_LENGTH));
    }

    private static Parsed parseVersion3(byte[] hash) {
        if (hash.length < V3_HEADER_LENGTH) {
            return Parsed.refused("its version 3 header is truncated");
        }
        ByteBuffer fields = ByteBuffer.wrap(hash, 1, hash.length - 1);
        long prf = Integer.toUnsignedLong(fields.getInt());
        long iterations = Integer.toUnsignedLong(fields.getInt());
        long saltLength = Integer.toUnsignedLong(fields.getInt());
        if (saltLength < V3_MIN_LENGTH || saltLength > fields.remaining()) {
            return Parsed.refused("its salt is shorter than 16 bytes or longer than the hash");
        }
        byte[] salt = take(fields, (int) saltLength);
        if (fields.remaining() < V3_MIN_LENGTH) {
            return Parsed.refused("its subkey is shorter than 16 bytes");
        }
        byte[] subkey = take(fields, fields.remaining());
        if (prf >= Prf.values().length) {
            return Parsed.refused("its PRF " + prf + " is unknown (0 SHA-1, 1 SHA-256, 2 SHA-512)");
        }
        if (iterations < 1) {
            return Parsed.refused("it states no iterations");
        }
        return checked(Prf.values()[(int) prf], iterations, salt, subkey);
    }

    private static Parsed checked(Prf prf, long iterations, byte[] salt, byte[] subkey) {
        long blocks = (subkey.length + prf.blockLength - 1) / prf.blockLength;
        if (iterations * blocks > MAX_WORK) {
            return Parsed.refused(
                    "it asks for " + iterations + " iterations of " + blocks + " blocks, over " + MAX_WORK);
        }
        if (subkey.length > Integer.MAX_VALUE / Byte.SIZE) {
            return Parsed.refused("its subkey is longer than a key derivation can give");
        }
        return new Parsed(prf, iterations, salt, subkey, null);
    }

    private static byte[] pbkdf2(Prf prf, byte[] password, byte[] salt, int iterations, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.digest.get());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedMacParameters(length * Byte.SIZE)).getKey();
    }

    /** Base64 as Convert.FromBase64String reads it: whitespace skipped, padding required; null if it is not. */
    private static byte[] decode(String encoded) {
        String base64 = BASE64_WHITESPACE.matcher(encoded).replaceAll("");
        if (base64.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** The bytes .NET hashes: UTF-8, with U+FFFD for a lone surrogate. */
    private static byte[] utf8(CharSequence password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_CHARACTER);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(password));
            return take(bytes, bytes.remaining());
        } catch (CharacterCodingException ex) {
            throw new IllegalStateException("UTF-8 with replacement cannot fail", ex);
        }
    }

    private static byte[] take(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    /** A hash that cannot be a .NET one: the user cannot sign in with a password until it is reset, so say so. */
    private static boolean failed(String reason) {
        log.warn("An imported ASP.NET Core Identity password hash fails verification: {}", reason);
        return false;
    }
}
