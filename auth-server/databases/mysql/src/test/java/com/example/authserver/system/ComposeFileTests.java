package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** compose.yaml of a MySQL project: the database service is MySQL, as the server's URL expects. */
class ComposeFileTests extends ComposeFileContract {

    @Override
    String database() {
        return "mysql";
    }

    @Test
    void theDatabaseIsMysqlWithItsHealthCheck() {
        Map<String, Object> database = service("database");
        assertThat((String) database.get("image")).matches("mysql:\\d+(\\.\\d+)?");
        assertThat(map(database.get("healthcheck")).get("test").toString()).contains("mysqladmin");
    }

    @Test
    void theServerReachesTheDatabaseAsTheDatabaseServiceIsSetUp() {
        URI url = databaseUrl();
        Map<String, Object> database = databaseEnvironment();

        assertThat(url.getScheme()).isEqualTo("mysql");
        assertThat(url.getPort()).isEqualTo(3306);
        assertThat(url.getPath()).isEqualTo("/" + database.get("MYSQL_DATABASE"));
        assertThat(url.getQuery())
                .as("the time-zone parameters of database.yml")
                .isEqualTo(
                        URI.create(databaseYmlUrl().substring("jdbc:".length())).getQuery());
        assertThat(serverEnvironment().get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("MYSQL_USER"));
        assertThat(serverEnvironment().get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("MYSQL_PASSWORD"));
    }

    static String databaseYmlUrl() {
        try {
            return String.valueOf(new YamlPropertySourceLoader()
                    .load("database.yml", new ClassPathResource("database.yml"))
                    .get(0)
                    .getProperty("spring.datasource.url"));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
