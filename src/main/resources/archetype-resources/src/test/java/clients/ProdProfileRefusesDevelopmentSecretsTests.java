package ${package}.clients;

import ${package}.support.RestartableServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProdProfileRefusesDevelopmentSecretsTests {

    @Test
    void prodProfileRefusesToStartWhileADevelopmentSecretIsStored() {
        try (RestartableServer server = new RestartableServer()) {
            server.start().close();

            assertThatThrownBy(() -> server.start("--spring.profiles.active=prod").close())
                    .hasStackTraceContaining("still has its development secret");
        }
    }
}
