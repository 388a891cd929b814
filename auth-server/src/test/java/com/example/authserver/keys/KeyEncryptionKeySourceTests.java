package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class KeyEncryptionKeySourceTests {

    @TempDir
    Path folder;

    KeyProperties properties = new KeyProperties();

    MockEnvironment environment = new MockEnvironment();

    @Test
    void prodProfileWithoutAKeyEncryptionKeyRefusesToStartNamingTheSetting() {
        environment.setActiveProfiles("prod");
        properties.setDevelopmentKeyFile(folder.resolve("kek"));

        assertThatThrownBy(() -> source().key())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("authforge.keys.encryption-key")
                .hasMessageContaining("AUTHFORGE_KEYS_ENCRYPTION_KEY");
        assertThat(folder.resolve("kek")).doesNotExist();
    }

    @Test
    void configuredKeyThatIsNotTheBase64Of32BytesIsRefused() {
        properties.setEncryptionKey(Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> source().key()).hasMessageContaining("not the base64 of 32 bytes");
    }

    @Test
    void configuredKeyIsUsedAndNoDevelopmentKeyFileIsCreated() {
        properties.setEncryptionKey(SecretCipherTests.randomKeyEncryptionKey());
        properties.setDevelopmentKeyFile(folder.resolve("kek"));

        assertThat(source().key().getEncoded()).isEqualTo(Base64.getDecoder().decode(properties.getEncryptionKey()));
        assertThat(folder.resolve("kek")).doesNotExist();
    }

    @Test
    void developmentKeyFileIsCreatedOnFirstUseForItsOwnerOnlyAndReusedAfterwards() throws Exception {
        Path file = folder.resolve("data").resolve("development-signing-kek");
        properties.setDevelopmentKeyFile(file);

        byte[] first = source().key().getEncoded();

        assertThat(first).hasSize(32);
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(source().key().getEncoded()).isEqualTo(first);
    }

    KeyEncryptionKeySource source() {
        return new KeyEncryptionKeySource(properties, environment);
    }
}
