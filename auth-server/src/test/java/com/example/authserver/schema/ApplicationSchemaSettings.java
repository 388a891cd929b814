package com.example.authserver.schema;

import com.example.authserver.AuthServerApplication;
import com.example.authserver.support.TestDatabase;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateSettings;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application's settings that shape its schema, read from its configuration (application.yml and what it
 * imports) the way Spring Boot reads them, without starting the server: the Hibernate settings (naming
 * strategies and {@code spring.jpa.properties}), the Flyway locations and the package whose entities it maps.
 */
record ApplicationSchemaSettings(Map<String, Object> hibernate, List<String> flywayLocations, String entityPackage) {

    static ApplicationSchemaSettings load() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run()) {
            return from(context.getEnvironment());
        }
    }

    static ApplicationSchemaSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        JpaProperties jpa = binder.bindOrCreate("spring.jpa", JpaProperties.class);
        HibernateProperties hibernate = binder.bindOrCreate("spring.jpa.hibernate", HibernateProperties.class);
        FlywayProperties flyway = binder.bindOrCreate("spring.flyway", FlywayProperties.class);
        Map<String, Object> settings = hibernate.determineHibernateProperties(
                jpa.getProperties(), new HibernateSettings().ddlAuto(() -> "none"));
        // Boot scans the package of the @SpringBootApplication class (its auto-configuration package)
        return new ApplicationSchemaSettings(
                settings, flyway.getLocations(), AuthServerApplication.class.getPackageName());
    }

    /** The Flyway locations with {@code {vendor}} filled in, in the application's order. */
    List<String> flywayLocations(String vendor) {
        return flywayLocations.stream()
                .map(location -> location.replace("{vendor}", vendor))
                .toList();
    }

    /** The database, migrated with the application's migrations as the server would migrate it. */
    DataSource migrated(TestDatabase database) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.url(), database.username(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations(flywayLocations(database.vendor()).toArray(String[]::new))
                .load()
                .migrate();
        return dataSource;
    }

    /** An empty context: only the environment, loaded as the application loads it, is wanted. */
    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}
}
