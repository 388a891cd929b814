package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * Before a process seals secrets for the server (an import of authenticator keys), it checks its key-encryption key
 * opens the signing keys the server sealed: with another key it stops, naming the setting.
 */
@ServerTest
class StoredSecretsCheckTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StoredSecretsCheck serversCheck;

    @Test
    void theServersOwnKeyEncryptionKeyOpensTheStoredSigningKeys() {
        assertThat(serversCheck.opensStoredSigningKeys()).isTrue();
        serversCheck.requireOpensStoredSigningKeys(IllegalArgumentException::new);
    }

    @Test
    void anotherKeyEncryptionKeyFailsNamingTheSetting() {
        KeyProperties properties = new KeyProperties();
        properties.setEncryptionKey(SecretCipherTests.randomKeyEncryptionKey());
        KeyEncryptionKeySource another = new KeyEncryptionKeySource(properties, new MockEnvironment());
        StoredSecretsCheck check =
                new StoredSecretsCheck(new SigningKeyStore(jdbc, new SecretCipher(another)), another);

        assertThat(check.opensStoredSigningKeys()).isFalse();
        assertThatThrownBy(() -> check.requireOpensStoredSigningKeys(IllegalArgumentException::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authforge.keys.encryption-key")
                .hasMessageContaining("AUTHFORGE_KEYS_ENCRYPTION_KEY");
    }
}
