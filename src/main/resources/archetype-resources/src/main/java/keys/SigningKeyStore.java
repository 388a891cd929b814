package ${package}.keys;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token signing keys, kept in the {@code signing_keys} table so that tokens issued before a
 * restart still validate afterwards. The first start creates an RSA key; later starts reuse it.
 */
@Repository
class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    SigningKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** All stored keys, newest first; creates the first key if there is none. */
    @Transactional
    List<JWK> loadOrCreate() {
        List<JWK> keys = load();
        if (keys.isEmpty()) {
            JWK key = generateRsaKey();
            jdbc.update("insert into signing_keys (kid, algorithm, private_jwk, public_jwk, created_at) values (?, ?, ?, ?, ?)",
                    key.getKeyID(), JWSAlgorithm.RS256.getName(), key.toJSONString(),
                    key.toPublicJWK().toJSONString(), Timestamp.from(clock.instant()));
            log.info("Created signing key {} (RS256)", key.getKeyID());
            keys = load();
        }
        return keys;
    }

    private List<JWK> load() {
        return jdbc.query("select private_jwk from signing_keys order by created_at desc",
                (row, index) -> parse(row.getString(1)));
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("A row of signing_keys does not hold a valid JWK", ex);
        }
    }

    private static RSAKey generateRsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate an RSA signing key", ex);
        }
    }
}
