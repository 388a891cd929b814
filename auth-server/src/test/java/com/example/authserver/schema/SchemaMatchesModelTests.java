package com.example.authserver.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.AuthServerApplication;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * The JPA model (ApplicationUser and the other entities) and the schema the Flyway migrations build
 * must agree: a property added without its migration fails here, naming the missing column.
 */
@ServerTest
class SchemaMatchesModelTests {

    @Autowired
    EntityManagerFactory applicationEntityManagerFactory;

    @Autowired
    FlywayProperties flywayProperties;

    final List<TestDatabase> databases = new ArrayList<>();

    @Test
    void entitiesMatchTheMigratedSchema() {
        DataSource database = migratedDatabase();

        LocalContainerEntityManagerFactoryBean validation = validatingEntityManagerFactory(database);

        assertThat(validation.getObject()).isNotNull();
        validation.destroy();
    }

    @Test
    void aPropertyWithoutItsColumnFailsValidationNamingTheColumn() {
        DataSource database = migratedDatabase();
        new JdbcTemplate(database).execute("alter table users drop column given_name");

        assertThatThrownBy(() -> validatingEntityManagerFactory(database))
                .hasStackTraceContaining("missing column [given_name]");
    }

    private DataSource migratedDatabase() {
        TestDatabase database = TestDatabase.create();
        databases.add(database);
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.username(), database.password());
        String[] locations = flywayProperties.getLocations().stream()
                .map(location -> location.replace("{vendor}", database.vendor()))
                .toArray(String[]::new);
        Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
        return dataSource;
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::drop);
    }

    /** An entity manager factory set up like the application's, that only validates the schema. */
    private LocalContainerEntityManagerFactoryBean validatingEntityManagerFactory(DataSource database) {
        Map<String, Object> properties = new HashMap<>();
        applicationEntityManagerFactory.getProperties().forEach((key, value) -> {
            if (key.startsWith("hibernate.")
                    && !key.startsWith("hibernate.connection")
                    && !key.equals("hibernate.hbm2ddl.auto")) {
                properties.put(key, value);
            }
        });
        properties.put("hibernate.hbm2ddl.auto", "validate");
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(database);
        factory.setPackagesToScan(AuthServerApplication.class.getPackageName());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(properties);
        factory.afterPropertiesSet();
        return factory;
    }
}
