package ${package}.clients;

import java.nio.file.Path;

import ${package}.support.FileDatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProdProfileRefusesDevelopmentSecretsTests {

    @TempDir
    Path dataDirectory;

    @Test
    void prodProfileRefusesToStartWhileADevelopmentSecretIsStored() {
        FileDatabaseServer.start(dataDirectory).close();

        assertThatThrownBy(() -> FileDatabaseServer.start(dataDirectory, "--spring.profiles.active=prod").close())
                .hasStackTraceContaining("still has its development secret");
    }
}
