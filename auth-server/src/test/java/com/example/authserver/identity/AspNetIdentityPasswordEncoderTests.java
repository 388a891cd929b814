package com.example.authserver.identity;

import static com.example.authserver.identity.DotNetPasswordHashes.FAILURE_CASES;
import static com.example.authserver.identity.DotNetPasswordHashes.PASSWORD;
import static com.example.authserver.identity.DotNetPasswordHashes.V2_SHA1_1000ITER_128SALT_256SUBKEY;
import static com.example.authserver.identity.DotNetPasswordHashes.V3_SHA1_250ITER_128SALT_128SUBKEY;
import static com.example.authserver.identity.DotNetPasswordHashes.V3_SHA256_250000ITER_256SALT_256SUBKEY;
import static com.example.authserver.identity.DotNetPasswordHashes.V3_SHA512_100000ITER_128SALT_256SUBKEY;
import static com.example.authserver.identity.DotNetPasswordHashes.V3_SHA512_10000ITER_128SALT_256SUBKEY;
import static com.example.authserver.identity.DotNetPasswordHashes.V3_SHA512_250ITER_256SALT_512SUBKEY;
import static com.example.authserver.identity.DotNetPasswordHashes.V3_SHA512_50ITER_128SALT_128SUBKEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@link AspNetIdentityPasswordEncoder} against .NET's own published hashes, against hashes this test builds from the
 * format with the JDK's PBKDF2 (an implementation independent of the Bouncy Castle one under test), and against
 * hostile rows; then inside the server's DelegatingPasswordEncoder.
 */
class AspNetIdentityPasswordEncoderTests {

    static final String[] DOTNET_HASHES = {
        V2_SHA1_1000ITER_128SALT_256SUBKEY,
        V3_SHA1_250ITER_128SALT_128SUBKEY,
        V3_SHA256_250000ITER_256SALT_256SUBKEY,
        V3_SHA512_50ITER_128SALT_128SUBKEY,
        V3_SHA512_250ITER_256SALT_512SUBKEY,
        V3_SHA512_10000ITER_128SALT_256SUBKEY,
        V3_SHA512_100000ITER_128SALT_256SUBKEY
    };

    static final int SHA1 = 0;

    static final int SHA256 = 1;

    static final int SHA512 = 2;

    static final String UNICODE_PASSWORD = "Pässwörd 密码 🔑";

    final SecureRandom random = new SecureRandom();

    final AspNetIdentityPasswordEncoder encoder = new AspNetIdentityPasswordEncoder();

    // hostile rows first: none may verify, none may throw, none may take long

    @Test
    void missingPasswordsAndHashesFail() {
        assertThat(encoder.matches(null, V3_SHA512_50ITER_128SALT_128SUBKEY)).isFalse();
        assertThat(encoder.matches(PASSWORD, null)).isFalse();
        assertThat(encoder.matches(PASSWORD, "")).isFalse();
        assertThat(encoder.matches(PASSWORD, " \r\n")).isFalse();
        assertThat(encoder.matches("", V3_SHA512_50ITER_128SALT_128SUBKEY)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not base64!",
                "%%%%",
                "AQAA*AAAAAAy",
                "====",
                "AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw=",
                "AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJg", // unpadded: .NET refuses it too
                "AQAAAAIAAAAy=AAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw",
                "{aspnet}AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw"
            })
    void whatIsNotBase64Fails(String hash) {
        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x02, 0x03, 0x7f, 0x80, 0xff})
    void unknownVersionMarkersFail(int marker) {
        byte[] hash = bytes(V3_SHA512_50ITER_128SALT_128SUBKEY);
        hash[0] = (byte) marker;

        assertThat(encoder.matches(PASSWORD, base64(hash))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 9, 12, 13, 28, 44})
    void truncatedVersion3HashesFail(int length) {
        byte[] hash = bytes(V3_SHA512_50ITER_128SALT_128SUBKEY);

        assertThat(encoder.matches(PASSWORD, base64(Arrays.copyOf(hash, length))))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 48, 50})
    void version2HashesOfAnyLengthBut49BytesFail(int length) {
        byte[] hash = bytes(V2_SHA1_1000ITER_128SALT_256SUBKEY);

        assertThat(encoder.matches(PASSWORD, base64(Arrays.copyOf(hash, length))))
                .isFalse();
    }

    @Test
    void aSaltShorterThan128BitsFailsEvenWithTheRightSubkey() {
        byte[] salt = salt(15);
        String hash = v3(SHA256, 1_000, salt, jdkPbkdf2("PBKDF2WithHmacSHA256", PASSWORD, salt, 1_000, 32));

        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
    }

    @Test
    void aSubkeyShorterThan128BitsFailsEvenWhenRight() {
        byte[] salt = salt(16);
        String hash = v3(SHA256, 1_000, salt, jdkPbkdf2("PBKDF2WithHmacSHA256", PASSWORD, salt, 1_000, 15));

        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0x24, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL})
    void aSaltLengthBeyondTheHashFails(long saltLength) {
        ByteBuffer hash = ByteBuffer.wrap(bytes(V3_SHA512_50ITER_128SALT_128SUBKEY));
        hash.putInt(9, (int) saltLength);

        assertThat(encoder.matches(PASSWORD, base64(hash.array()))).isFalse();
    }

    @Test
    void extraBytesAfterTheSubkeyFail() {
        byte[] hash = bytes(V3_SHA512_250ITER_256SALT_512SUBKEY);

        assertThat(encoder.matches(PASSWORD, base64(Arrays.copyOf(hash, hash.length + 1))))
                .isFalse();
    }

    @Test
    void aShortenedSubkeyVerifiesDownTo128BitsAsInDotNet() {
        // PBKDF2's shorter outputs are prefixes of its longer ones, so .NET accepts a cut subkey of 16 bytes or more
        byte[] hash = bytes(V3_SHA512_250ITER_256SALT_512SUBKEY);
        int subkeyStart = 13 + 32;

        assertThat(encoder.matches(PASSWORD, base64(Arrays.copyOf(hash, subkeyStart + 16))))
                .isTrue();
        assertThat(encoder.matches(PASSWORD, base64(Arrays.copyOf(hash, subkeyStart + 15))))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4, 0x100, 0x8000_0000L, 0xffff_ffffL})
    void unknownPrfsFail(long prf) {
        ByteBuffer hash = ByteBuffer.wrap(bytes(V3_SHA512_50ITER_128SALT_128SUBKEY));
        hash.putInt(1, (int) prf);

        assertThat(encoder.matches(PASSWORD, base64(hash.array()))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, AspNetIdentityPasswordEncoder.MAX_WORK + 1, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL})
    void absurdIterationCountsFailAtOnce(long iterations) {
        ByteBuffer hash = ByteBuffer.wrap(bytes(V3_SHA512_50ITER_128SALT_128SUBKEY));
        hash.putInt(5, (int) iterations);

        assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> assertThat(encoder.matches(PASSWORD, base64(hash.array())))
                        .isFalse());
    }

    @Test
    void theWorkLimitCountsTheBlocksALongSubkeyNeeds() {
        // 11 blocks of HMAC-SHA1 (20 bytes each) at a million iterations: 11 million, over the limit
        String hash = v3(SHA1, 1_000_000, salt(16), salt(11 * 20));

        assertTimeoutPreemptively(
                Duration.ofSeconds(1),
                () -> assertThat(encoder.matches(PASSWORD, hash)).isFalse());
    }

    @Test
    void theFormatCheckRefusesWhatVerificationRefusesWithTheSameLimits() {
        assertThat(AspNetIdentityPasswordEncoder.formatProblem(v3(SHA256, 10_000, salt(8), salt(32))))
                .isEqualTo("its salt is shorter than 16 bytes or longer than the hash");
        assertThat(AspNetIdentityPasswordEncoder.formatProblem(v3(SHA256, 10_000, salt(16), salt(15))))
                .isEqualTo("its subkey is shorter than 16 bytes");
        assertThat(AspNetIdentityPasswordEncoder.formatProblem(
                        v3(SHA512, (int) AspNetIdentityPasswordEncoder.MAX_WORK + 1, salt(16), salt(32))))
                .isEqualTo("it asks for " + (AspNetIdentityPasswordEncoder.MAX_WORK + 1) + " iterations of 1 blocks,"
                        + " over " + AspNetIdentityPasswordEncoder.MAX_WORK);
        assertThat(AspNetIdentityPasswordEncoder.formatProblem("AQIDBA=="))
                .isEqualTo("its version 3 header is truncated");
        assertThat(AspNetIdentityPasswordEncoder.formatProblem(null)).isEqualTo("it is missing");
    }

    @Test
    void theFormatCheckAcceptsEveryHashDotNetPublishes() {
        assertThat(DOTNET_HASHES)
                .allSatisfy(hash -> assertThat(AspNetIdentityPasswordEncoder.formatProblem(hash))
                        .as(hash)
                        .isNull());
    }

    @Test
    void changingAnyByteOfAHashMakesItFail() {
        byte[] hash = bytes(V3_SHA512_50ITER_128SALT_128SUBKEY);
        for (int i = 0; i < hash.length; i++) {
            byte[] changed = hash.clone();
            changed[i] ^= 0x01;

            assertThat(encoder.matches(PASSWORD, base64(changed)))
                    .as("byte %d changed", i)
                    .isFalse();
        }
    }

    // a field of this class: a qualified name would need a '#', which the archetype's templating refuses
    static final String[] DOT_NET_FAILURE_CASES = DotNetPasswordHashes.FAILURE_CASES;

    @ParameterizedTest
    @FieldSource("DOT_NET_FAILURE_CASES")
    void dotNetsOwnFailureCasesFail(String hash) {
        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
    }

    // .NET's own hashes

    @ParameterizedTest
    @FieldSource("DOTNET_HASHES")
    void everyHashDotNetPublishesVerifiesItsPasswordAndNoOther(String hash) {
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(encoder.matches("My password", hash)).isFalse();
        assertThat(encoder.matches(PASSWORD + " ", hash)).isFalse();
        assertThat(encoder.matches("my passwor", hash)).isFalse();
    }

    @Test
    void whitespaceInTheBase64IsSkippedAsDotNetSkipsIt() {
        String hash = V3_SHA512_50ITER_128SALT_128SUBKEY;

        assertThat(encoder.matches(PASSWORD, " " + hash.substring(0, 20) + "\r\n" + hash.substring(20) + "\t"))
                .isTrue();
    }

    @Test
    void encodingWritesExactlyWhatDotNetWritesByDefault() {
        AspNetIdentityPasswordEncoder sequentialSalt = new AspNetIdentityPasswordEncoder(new SequentialBytes());

        assertThat(sequentialSalt.encode(PASSWORD)).isEqualTo(V3_SHA512_100000ITER_128SALT_256SUBKEY);
    }

    @Test
    void encodedHashesVerifyAndHaveFreshSalts() {
        String first = encoder.encode(UNICODE_PASSWORD);
        String second = encoder.encode(UNICODE_PASSWORD);

        assertThat(first).isNotEqualTo(second);
        assertThat(encoder.matches(UNICODE_PASSWORD, first)).isTrue();
        assertThat(encoder.matches(UNICODE_PASSWORD, second)).isTrue();
        assertThat(encoder.matches(PASSWORD, first)).isFalse();
    }

    @Test
    void theEmptyPasswordVerifiesAgainstItsOwnHashAsInDotNet() {
        String hash = encoder.encode("");

        assertThat(encoder.matches("", hash)).isTrue();
        assertThat(encoder.matches(" ", hash)).isFalse();
    }

    // hashes built here from the format, with the JDK's PBKDF2

    @Test
    void aVersion2HashBuiltFromTheFormatVerifies() {
        byte[] salt = salt(16);
        byte[] subkey = jdkPbkdf2("PBKDF2WithHmacSHA1", UNICODE_PASSWORD, salt, 1_000, 32);
        String hash = base64(
                ByteBuffer.allocate(49).put((byte) 0).put(salt).put(subkey).array());

        assertThat(encoder.matches(UNICODE_PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "0, PBKDF2WithHmacSHA1, 1, 16, 16",
        "0, PBKDF2WithHmacSHA1, 2000, 16, 41",
        "1, PBKDF2WithHmacSHA256, 10000, 16, 32",
        "1, PBKDF2WithHmacSHA256, 12345, 24, 48",
        "2, PBKDF2WithHmacSHA512, 3, 64, 100",
        "2, PBKDF2WithHmacSHA512, 100000, 16, 32"
    })
    void version3HashesOfEveryPrfAndAnyStatedLengthsVerify(
            int prf, String algorithm, int iterations, int saltLength, int subkeyLength) {
        byte[] salt = salt(saltLength);
        String hash = v3(prf, iterations, salt, jdkPbkdf2(algorithm, UNICODE_PASSWORD, salt, iterations, subkeyLength));

        assertThat(encoder.matches(UNICODE_PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(UNICODE_PASSWORD.toUpperCase(), hash)).isFalse();
    }

    @Test
    void aLoneSurrogateIsHashedAsTheReplacementCharacterAsInDotNet() {
        // .NET's Encoding.UTF8 writes U+FFFD for a lone surrogate, where Java's String.getBytes writes '?'
        byte[] salt = salt(16);
        String hash = v3(SHA512, 10, salt, jdkPbkdf2("PBKDF2WithHmacSHA512", "a\uFFFDb", salt, 10, 32));

        assertThat(encoder.matches("a\uD800b", hash)).isTrue();
        assertThat(encoder.matches("a?b", hash)).isFalse();
    }

    // inside the server's encoder

    @Test
    void theServerVerifiesAspNetHashesAndUpgradesThemToArgon2id() {
        PasswordEncoder server = new PasswordHashing().passwordEncoder();

        for (String hash : DOTNET_HASHES) {
            assertThat(server.matches(PASSWORD, "{aspnet}" + hash)).as(hash).isTrue();
            assertThat(server.matches("wrong", "{aspnet}" + hash)).as(hash).isFalse();
            assertThat(server.upgradeEncoding("{aspnet}" + hash)).as(hash).isTrue();
        }
        assertThat(server.encode(PASSWORD)).startsWith("{argon2}");
    }

    @Test
    void theServerRefusesMalformedAspNetHashesAndEmptyPasswordsWithoutThrowing() {
        PasswordEncoder server = new PasswordHashing().passwordEncoder();

        assertThat(server.matches(PASSWORD, "{aspnet}")).isFalse();
        assertThat(server.matches(PASSWORD, "{aspnet}not base64!")).isFalse();
        assertThat(server.matches(PASSWORD, "{aspnet}" + FAILURE_CASES[4])).isFalse();
        assertThat(server.matches("", "{aspnet}" + encoder.encode("")))
                .as("the server takes no empty password, whatever the hash")
                .isFalse();
    }

    private static String v3(int prf, int iterations, byte[] salt, byte[] subkey) {
        return base64(ByteBuffer.allocate(13 + salt.length + subkey.length)
                .put((byte) 1)
                .putInt(prf)
                .putInt(iterations)
                .putInt(salt.length)
                .put(salt)
                .put(subkey)
                .array());
    }

    private static byte[] jdkPbkdf2(String algorithm, String password, byte[] salt, int iterations, int length) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private byte[] salt(int length) {
        byte[] salt = new byte[length];
        random.nextBytes(salt);
        return salt;
    }

    private static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The salt .NET's tests use: 0x00, 0x01, 0x02, ... */
    private static final class SequentialBytes implements BytesKeyGenerator {

        @Override
        public int getKeyLength() {
            return 16;
        }

        @Override
        public byte[] generateKey() {
            byte[] bytes = new byte[getKeyLength()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
            return bytes;
        }
    }
}
