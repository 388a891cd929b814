package com.example.authserver.keys;

import com.example.authserver.keys.SecretCipher.Sealed;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The token signing keys in table {@code signing_keys}, shared by every instance of the server: the public
 * JWK in clear, the private JWK sealed by {@link SecretCipher}. Each key has a unique generation (the
 * previous newest plus one), so when two instances create the next key at once, one insert fails and that
 * instance uses the other's key. A {@code @Component}, not a {@code @Repository}: a key that cannot be
 * decrypted must be reported as it is, not translated into a data-access exception.
 */
@Component
class SigningKeyStore {

    private static final String COLUMNS = "kid, generation, algorithm, public_jwk, encryption_version, "
            + "encryption_iv, encrypted_private_jwk, created_at, activates_at";

    private final JdbcTemplate jdbc;

    private final SecretCipher cipher;

    SigningKeyStore(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Every stored key, decrypted, newest first. */
    List<SigningKey> findAll() {
        return jdbc.query("select " + COLUMNS + " from signing_keys order by generation desc", this::toKey);
    }

    /**
     * Stores a new key unless its generation is taken already (another instance was quicker).
     * @return whether this key was stored
     */
    boolean insertIfGenerationFree(SigningKey key) {
        Sealed sealed = cipher.seal(key.kid(), key.privateJwk().toJSONString());
        try {
            jdbc.update(
                    "insert into signing_keys (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    key.kid(),
                    key.generation(),
                    key.algorithm().name(),
                    key.publicJwk().toJSONString(),
                    sealed.version(),
                    encode(sealed.iv()),
                    encode(sealed.ciphertext()),
                    Timestamp.from(key.createdAt()),
                    Timestamp.from(key.activatesAt()));
            return true;
        } catch (DataIntegrityViolationException ex) {
            Integer taken = jdbc.queryForObject(
                    "select count(*) from signing_keys where generation = ?", Integer.class, key.generation());
            if (taken == null || taken == 0) {
                throw ex;
            }
            return false;
        }
    }

    void delete(String kid) {
        jdbc.update("delete from signing_keys where kid = ?", kid);
    }

    /**
     * Whether the newest stored key opens (and matches its public key) with this process's key-encryption key; true
     * when no key is stored yet.
     */
    boolean newestOpens() {
        try {
            jdbc.query(
                    "select " + COLUMNS + " from signing_keys"
                            + " where generation = (select max(generation) from signing_keys)",
                    this::toKey);
            return true;
        } catch (IllegalStateException cannotOpen) {
            return false;
        }
    }

    private SigningKey toKey(ResultSet row, int index) throws SQLException {
        String kid = row.getString("kid");
        Sealed sealed = new Sealed(
                row.getInt("encryption_version"),
                decode(row.getString("encryption_iv")),
                decode(row.getString("encrypted_private_jwk")));
        JWK privateJwk = parse(kid, cipher.open(kid, sealed));
        requireSameKey(kid, privateJwk, parse(kid, row.getString("public_jwk")));
        return new SigningKey(
                kid,
                row.getLong("generation"),
                KeyAlgorithm.valueOf(row.getString("algorithm")),
                privateJwk,
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("activates_at").toInstant());
    }

    private static JWK parse(String kid, String json) {
        try {
            JWK jwk = JWK.parse(json);
            if (!kid.equals(jwk.getKeyID())) {
                throw new IllegalStateException("Signing key " + kid + " holds a JWK with key id " + jwk.getKeyID());
            }
            return jwk;
        } catch (ParseException ex) {
            throw new IllegalStateException("Signing key " + kid + " does not hold a valid JWK", ex);
        }
    }

    private static void requireSameKey(String kid, JWK privateJwk, JWK publicJwk) {
        try {
            if (!privateJwk.computeThumbprint().equals(publicJwk.computeThumbprint())) {
                throw new IllegalStateException("The public_jwk of signing key " + kid + " is not its private key's");
            }
        } catch (JOSEException ex) {
            throw new IllegalStateException("Could not compare the public and private parts of signing key " + kid, ex);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
