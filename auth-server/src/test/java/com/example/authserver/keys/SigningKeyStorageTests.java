package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What table signing_keys holds, on the shared test server. */
@ServerTest
class SigningKeyStorageTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SigningKeyStore store;

    @Autowired
    TestServer server;

    @Test
    void privateKeyIsNotReadableInTheDatabaseAndThePublicKeyIsTheOnePublished() throws Exception {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from signing_keys");

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.values())
                    .allSatisfy(value -> assertThat(String.valueOf(value))
                            .doesNotContain("\"d\"")
                            .doesNotContain("\"p\"")
                            .doesNotContain("\"q\""));
            assertThat(row.get("ENCRYPTION_VERSION").toString()).isEqualTo("1");
        });
        for (Map<String, Object> row : rows) {
            JWK stored = JWK.parse((String) row.get("PUBLIC_JWK"));
            assertThat(stored.isPrivate()).isFalse();
            assertThat(KeyChecks.jwks(server.issuer()).getKeyByKeyId((String) row.get("KID")))
                    .isEqualTo(stored);
        }
    }

    @Test
    void secondKeyForAGenerationAlreadyTakenIsNotStored() {
        SigningKey newest = store.findAll().get(0);
        SigningKey rival = new SigningKey(
                "rival",
                newest.generation(),
                KeyAlgorithm.ES256,
                KeyAlgorithm.ES256.generate("rival"),
                Instant.now(),
                Instant.now());

        assertThat(store.insertIfGenerationFree(rival)).isFalse();
        assertThat(store.findAll()).extracting(SigningKey::kid).doesNotContain("rival");
    }
}
