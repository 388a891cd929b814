package bench.limits;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What one core can do, on the thread that runs {@code main}: signed JWTs per second (RS256 with a 2048-bit
 * key, ES256 on P-256, as {@code keys/KeyAlgorithm} makes them) and the time of one password check with
 * the server's encoder (Argon2id, 19 MiB, t=2, p=1, from {@code identity/PasswordHashing}), alone and on
 * every core at once; with the argument {@code bcrypt}, also one bcrypt check (cost 10), the price of a
 * {@code {noop}} client secret silently re-encoded by Spring's default encoder. Each figure: a warm-up, then as
 * many operations as fit in the measuring time.
 * <p>
 * Prints one line per figure, {@code name<TAB>operations per second<TAB>milliseconds per operation}.
 * Arguments: warm-up seconds and measuring seconds per figure (default 2 and 4), and optionally {@code es256}
 * (ES256 signatures only: bench/run.sh measures what a second, newer JVM gains there) or {@code bcrypt} (all
 * figures and bcrypt) or {@code keycloak} (all figures and one check with Keycloak's default hashing), or
 * {@code argon2} or {@code rs256} (that figure only: bench/run.sh measures it again just before and after the load
 * it divides, so that both come from the same phase of the machine).
 * <p>
 * With the arguments {@code hash PASSWORD} it prints instead one hash of PASSWORD as the server stores it
 * ({@code {argon2}} and the Argon2id hash, from the same encoder): bench/run.sh gives it to every bench user.
 * With {@code keycloak-hash PASSWORD} it prints one hash of PASSWORD with Keycloak's default hashing, as one JSON
 * line: the hash and salt of Keycloak's secret data and the fields of its credential data
 * ({@code {"value":…,"salt":…,"hashIterations":5,"algorithm":"argon2","additionalParameters":{…}}}):
 * bench/scenarios/keycloak.py checks those fields against a credential Keycloak made itself, then gives the hash to
 * every bench user there.
 */
public final class Limits {

    /**
     * Keycloak 26.4.5's default password hashing outside FIPS mode (its {@code argon2} provider, the highest-ordered
     * one, with the defaults of {@code org.keycloak.crypto.hash.Argon2Parameters}): Argon2id, version 1.3, 7168 KiB,
     * 5 iterations, parallelism 1, a 32-byte hash and a 16-byte salt, both Base64 in the stored secret.
     */
    private static final int KEYCLOAK_MEMORY_KB = 7168;

    private static final int KEYCLOAK_ITERATIONS = 5;

    private static final int KEYCLOAK_PARALLELISM = 1;

    private static final int KEYCLOAK_HASH_LENGTH = 32;

    private Limits() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "hash".equals(args[0])) {
            System.out.println("{argon2}" + serverEncoder().encode(args[1]));
            return;
        }
        if (args.length == 2 && "keycloak-hash".equals(args[0])) {
            System.out.println(keycloakCredential(args[1]));
            return;
        }
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        String only = args.length > 2 ? args[2] : "";

        if ("argon2".equals(only)) {
            report("argon2id_check", run(warmup, measure, checking(serverEncoder())));
            return;
        }
        if (!"es256".equals(only)) {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            report("jwt_rs256_sign", run(warmup, measure, signing(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID())));
        }
        if ("rs256".equals(only)) {
            return;
        }
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        report("jwt_es256_sign", run(warmup, measure, signing(new ECDSASigner(ec), JWSAlgorithm.ES256, ec.getKeyID())));
        if ("es256".equals(only)) {
            return;
        }

        report("argon2id_check", run(warmup, measure, checking(serverEncoder())));
        // the same check on every core at once (what concurrent sign-ins meet: each hash fills 19 MiB, and several
        // at once share the caches and the memory bandwidth); printed as checks per second, all threads together
        int cores = Runtime.getRuntime().availableProcessors();
        report("argon2id_check_all_cores", allCores(cores, warmup, measure, () -> checking(serverEncoder())));
        if ("bcrypt".equals(only)) {
            report("bcrypt10_check", run(warmup, measure, checking(new BCryptPasswordEncoder())));
        }
        if ("keycloak".equals(only)) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            byte[] hash = keycloakHash("Pass123$", salt);
            report("argon2id_keycloak_check", run(warmup, measure, () -> {
                if (!Arrays.equals(keycloakHash("Pass123$", salt), hash)) {
                    throw new IllegalStateException("the hash does not match");
                }
                return hash;
            }));
        }
    }

    /** Argon2id of PASSWORD with SALT, with Keycloak's default parameters, as its argon2 provider computes it. */
    private static byte[] keycloakHash(String password, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withParallelism(KEYCLOAK_PARALLELISM)
                .withMemoryAsKB(KEYCLOAK_MEMORY_KB)
                .withIterations(KEYCLOAK_ITERATIONS)
                .build());
        byte[] hash = new byte[KEYCLOAK_HASH_LENGTH];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }

    /** One Keycloak password credential of PASSWORD (a new salt), as the JSON line described above. */
    private static String keycloakCredential(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return "{\"value\":\"" + base64.encodeToString(keycloakHash(password, salt)) + "\",\"salt\":\""
                + base64.encodeToString(salt) + "\",\"hashIterations\":" + KEYCLOAK_ITERATIONS
                + ",\"algorithm\":\"argon2\",\"additionalParameters\":{\"hashLength\":[\"" + KEYCLOAK_HASH_LENGTH
                + "\"],\"memory\":[\"" + KEYCLOAK_MEMORY_KB + "\"],\"type\":[\"id\"],\"version\":[\"1.3\"],"
                + "\"parallelism\":[\"" + KEYCLOAK_PARALLELISM + "\"]}}";
    }

    /** The server's user-password encoder (identity/PasswordHashing), without its {id} prefix. */
    private static PasswordEncoder serverEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    /** Signs an access token shaped like the server's client_credentials token. */
    private static Supplier<Object> signing(JWSSigner signer, JWSAlgorithm algorithm, String kid) {
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(kid).build();
        return () -> {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("http://127.0.0.1:9000")
                    .subject("m2m.client")
                    .audience("m2m.client")
                    .notBeforeTime(Date.from(now))
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(3600)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("scope", List.of("scope1"))
                    .claim("client_id", "m2m.client")
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            try {
                jwt.sign(signer);
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
            return jwt.serialize();
        };
    }

    /** One password check (what a sign-in costs); the hash is made once beforehand. */
    private static Supplier<Object> checking(PasswordEncoder encoder) {
        String hash = encoder.encode("Pass123$");
        return () -> {
            if (!encoder.matches("Pass123$", hash)) {
                throw new IllegalStateException("the hash does not match");
            }
            return hash;
        };
    }

    /** Operations per second of {@code threads} threads together, each running its own operation. */
    private static double allCores(int threads, double warmup, double measure, Supplier<Supplier<Object>> operations)
            throws InterruptedException {
        double[] rates = new double[threads];
        Thread[] running = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int index = i;
            Supplier<Object> operation = operations.get();
            running[i] = new Thread(() -> rates[index] = run(warmup, measure, operation));
            running[i].start();
        }
        double total = 0;
        for (int i = 0; i < threads; i++) {
            running[i].join();
            total += rates[i];
        }
        return total;
    }

    /** Operations per second over {@code measure} seconds, after {@code warmup} seconds of the same work. */
    private static double run(double warmup, double measure, Supplier<Object> operation) {
        loop((long) (warmup * 1e9), operation);
        return loop((long) (measure * 1e9), operation);
    }

    private static double loop(long nanos, Supplier<Object> operation) {
        int sink = 0;
        long count = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            sink += operation.get().hashCode();
            count++;
            elapsed = System.nanoTime() - start;
        }
        while (elapsed < nanos);
        if (sink == 42) {
            System.err.print("");
        }
        return count / (elapsed / 1e9);
    }

    private static void report(String name, double perSecond) {
        System.out.printf("%s\t%.1f\t%.3f%n", name, perSecond, 1000 / perSecond);
    }
}
