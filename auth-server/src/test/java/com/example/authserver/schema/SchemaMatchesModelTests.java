package com.example.authserver.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * The JPA model (ApplicationUser and the other entities) and the schema the Flyway migrations build
 * must agree: a property added without its migration fails here, naming the missing column and the command
 * that writes the migration ({@link NewMigration}). Without starting the server, which would fail on the
 * same difference before any test could name the command; the settings are the application's, read from
 * its configuration ({@link ApplicationSchemaSettings}, checked against the running server by
 * {@link ApplicationSchemaSettingsTests}).
 */
class SchemaMatchesModelTests {

    static ApplicationSchemaSettings settings;

    final List<TestDatabase> databases = new ArrayList<>();

    @BeforeAll
    static void readTheApplicationsSettings() {
        settings = ApplicationSchemaSettings.load();
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::drop);
    }

    @Test
    void entitiesMatchTheMigratedSchema() {
        DataSource database = migratedDatabase();

        validate(database);
    }

    @Test
    void aPropertyWithoutItsColumnFailsValidationNamingTheColumnAndTheCommandThatWritesIt() {
        DataSource database = migratedDatabase();
        new JdbcTemplate(database).execute("alter table users drop column given_name");

        assertThatThrownBy(() -> validate(database))
                .hasMessageContaining("missing column [given_name]")
                .hasMessageContaining("./mvnw -Pnew-migration -Dname=");
    }

    @Test
    void theScriptNewMigrationWritesMakesTheSchemaMatchAgain() {
        DataSource database = migratedDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("alter table users drop column given_name");

        SchemaChanges changes = SchemaChanges.between(database, settings.hibernate(), settings.entityPackage());
        changes.statements().forEach(statement -> jdbc.execute(statement.replaceAll(";$", "")));

        assertThat(changes.statements()).isNotEmpty();
        validate(database);
    }

    /**
     * Fails naming what does not match and, for a missing column or table, the command that writes its
     * migration.
     */
    private void validate(DataSource database) {
        LocalContainerEntityManagerFactoryBean validation;
        try {
            validation = validatingEntityManagerFactory(database);
        } catch (RuntimeException ex) {
            Throwable cause = ex;
            while (cause.getCause() != null && !(cause instanceof SchemaManagementException)) {
                cause = cause.getCause();
            }
            String problem = cause.getMessage();
            throw new AssertionError(
                    problem.contains("missing")
                            ? problem + ". Write its migration with ./mvnw -Pnew-migration -Dname=AddSomething "
                                    + "(or by hand, see the README)"
                            : problem,
                    ex);
        }
        assertThat(validation.getObject()).isNotNull();
        validation.destroy();
    }

    private DataSource migratedDatabase() {
        TestDatabase database = TestDatabase.create();
        databases.add(database);
        return settings.migrated(database);
    }

    /** An entity manager factory set up like the application's, that only validates the schema. */
    private LocalContainerEntityManagerFactoryBean validatingEntityManagerFactory(DataSource database) {
        Map<String, Object> properties = new HashMap<>(settings.hibernate());
        properties.put("hibernate.hbm2ddl.auto", "validate");
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(database);
        factory.setPackagesToScan(settings.entityPackage());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(properties);
        factory.afterPropertiesSet();
        return factory;
    }
}
