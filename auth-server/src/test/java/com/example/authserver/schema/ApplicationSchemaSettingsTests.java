package com.example.authserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;

/** What the schema tools read from the configuration is what the running server uses. */
@ServerTest
class ApplicationSchemaSettingsTests {

    @Autowired
    EntityManagerFactory applicationEntityManagerFactory;

    @Autowired
    FlywayProperties flywayProperties;

    @Test
    void theNamingAndTheMigrationsAreTheServersOwn() {
        ApplicationSchemaSettings settings = ApplicationSchemaSettings.load();

        for (String naming : List.of("hibernate.physical_naming_strategy", "hibernate.implicit_naming_strategy")) {
            assertThat(String.valueOf(settings.hibernate().get(naming)))
                    .isEqualTo(String.valueOf(
                            applicationEntityManagerFactory.getProperties().get(naming)))
                    .isNotEqualTo("null");
        }
        assertThat(settings.flywayLocations()).isEqualTo(flywayProperties.getLocations());
    }
}
