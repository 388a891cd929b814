package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** compose.yaml of a PostgreSQL project: the database service is PostgreSQL, as the server's URL expects. */
class ComposeFileTests extends ComposeFileContract {

    @Override
    String database() {
        return "postgresql";
    }

    @Test
    void theDatabaseIsPostgresqlWithItsHealthCheck() {
        Map<String, Object> database = service("database");
        assertThat((String) database.get("image")).matches("postgres:\\d+(\\.\\d+)?(-alpine)?");
        assertThat(map(database.get("healthcheck")).get("test").toString()).contains("pg_isready");
    }

    @Test
    void theServerReachesTheDatabaseAsTheDatabaseServiceIsSetUp() {
        URI url = databaseUrl();
        Map<String, Object> database = databaseEnvironment();

        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(url.getPort()).isEqualTo(5432);
        assertThat(url.getPath()).isEqualTo("/" + database.get("POSTGRES_DB"));
        assertThat(serverEnvironment().get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
        assertThat(serverEnvironment().get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));
    }
}
