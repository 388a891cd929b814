package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.RestartableServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server started with another key-encryption key than its keys were sealed with refuses to start, and says why. */
class WrongKeyEncryptionKeyTests {

    RestartableServer server = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void anotherKeyEncryptionKeyRefusesStartUpNamingTheSetting() {
        server.start("--authforge.keys.encryption-key=" + SecretCipherTests.randomKeyEncryptionKey())
                .close();

        assertThatThrownBy(() -> server.start(
                                "--authforge.keys.encryption-key=" + SecretCipherTests.randomKeyEncryptionKey())
                        .close())
                .hasStackTraceContaining("cannot be decrypted with the configured key-encryption key")
                .hasStackTraceContaining("AUTHFORGE_KEYS_ENCRYPTION_KEY");
    }
}
