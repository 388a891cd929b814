package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.authserver.AuthServerApplication;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.TestDatabase;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database stops in the middle of the day: requests get 503 and a clear error, never a 500, and
 * the server recovers by itself when the database is back. (PostgreSQL projects: it stops and starts
 * an embedded PostgreSQL of its own.)
 */
class DatabaseOutageTests {

    @TempDir
    Path dataDirectory;

    @Test
    void requestsGet503WhileTheDatabaseIsDownAndWorkAgainWhenItIsBack() throws Exception {
        assumeTrue("postgresql".equals(TestDatabase.projectVendor()), "a PostgreSQL project's test");
        assumeFalse(TestDatabase.isRoot(), "embedded PostgreSQL refuses to run as root");
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(AuthServerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=")) {
            String url = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
            OidcClient client = new OidcClient(url, OidcClient.M2M, OidcClient.M2M_SECRET);
            String token = client.clientCredentials("scope1")
                    .toSuccessResponse()
                    .getTokens()
                    .getAccessToken()
                    .getValue();

            postgres.close();

            // introspection looks for the token's row (a revoked one would have one): it needs the database
            HttpResponse<String> duringOutage = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/oauth2/introspect"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + java.util.Base64.getEncoder()
                                                            .encodeToString(
                                                                    (OidcClient.M2M + ":" + OidcClient.M2M_SECRET)
                                                                            .getBytes()))
                                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(duringOutage.statusCode()).isEqualTo(503);
            assertThat(duringOutage.body()).contains("\"error\":\"temporarily_unavailable\"");
            assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
            Browser.Page signIn = new Browser(url).navigate("/login");
            assertThat(signIn.status()).as("sessions live in the database too").isEqualTo(503);
            assertThat(signIn.document().select("h1").text()).contains("briefly unavailable");
            assertThat(signIn.body()).doesNotContain("Exception", "at org.");
            HttpResponse<String> readiness = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode())
                    .as("not ready without the database")
                    .isEqualTo(503);

            postgres = start(port);

            assertThat(client.introspect(new BearerAccessToken(token))
                            .toSuccessResponse()
                            .isActive())
                    .as("recovered")
                    .isTrue();
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
