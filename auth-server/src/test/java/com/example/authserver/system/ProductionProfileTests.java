package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.authserver.identity.UserManager;
import com.example.authserver.support.RestartableServer;
import com.example.authserver.support.TestDatabase;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The prod profile: nothing seeded, and no start while a setting is missing or insecure. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTests {

    final RestartableServer database = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void prodRefusesToStartAndNamesEveryMissingOrInsecureSetting(CapturedOutput output) {
        database.start().close(); // development start: seeds the clients with their published secrets

        assertThatThrownBy(() -> database.start(
                                "--spring.profiles.active=prod",
                                "--authforge.issuer=http://login.test",
                                "--server.forward-headers-strategy=framework")
                        .close())
                .hasStackTraceContaining("refuses to start");

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("authforge.issuer (AUTHFORGE_ISSUER): 'http://login.test' must be an https URL")
                .contains("server.forward-headers-strategy (SERVER_FORWARDHEADERSSTRATEGY): 'framework' believes")
                .contains("the secret of client 'm2m.client'")
                .contains("the secret of client 'interactive'")
                .contains("the secret of client 'exchange.client'")
                .contains("the secret of client 'ciba.client'")
                .contains("the secret of client 'par.client'")
                .contains("the secret of client 'scim.client'");
        if ("h2".equals(TestDatabase.projectVendor())) {
            assertThat(output).contains("spring.datasource.url (SPRING_DATASOURCE_URL): H2 is for development");
        }
    }

    @Test
    void prodWithoutAnIssuerIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> database.start("--spring.profiles.active=prod").close())
                .hasStackTraceContaining("refuses to start");

        assertThat(output)
                .contains("authforge.issuer (AUTHFORGE_ISSUER): is not set")
                .contains("authforge.keys.encryption-key (AUTHFORGE_KEYS_ENCRYPTION_KEY): is not set");
    }

    @Test
    void prodWithItsSettingsStartsAndSeedsNothing() {
        assumeFalse("h2".equals(TestDatabase.projectVendor()), "production needs PostgreSQL or MySQL");

        try (ConfigurableApplicationContext server = database.start(
                "--spring.profiles.active=prod",
                "--authforge.issuer=https://login.example.test",
                "--authforge.keys.encryption-key=" + Base64.getEncoder().encodeToString(new byte[32]))) {
            assertThat(server.getBean(UserManager.class).findByName("alice")).isEmpty();
            assertThat(server.getBean(RegisteredClientRepository.class).findByClientId("m2m.client"))
                    .isNull();
        }
    }
}
