package com.example.authserver.imports.identityserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ImportedClients;
import com.example.authserver.clients.JdbcApiResources;
import com.example.authserver.imports.identityserver.IdentityServerSource.Run;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/**
 * {@code import identityserver} with bad or awkward input: a clear message and exit status, never a stack trace or a
 * half-done import; clients of this server never overwritten; dry runs writing nothing; second runs idempotent, and
 * never undoing a change made here since the import.
 */
@ServerTest
class IdentityServerImportInputTests {

    @Autowired
    Environment environment;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcApiResources apiResources;

    @TempDir
    Path folder;

    @Test
    void anUnknownOptionIsAUsageErrorAndNothingRuns() {
        Run run = IdentityServerSource.run(environment, "--file=export.json", "--dryrun");

        assertThat(run.status()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option --dryrun").contains("Usage: import identityserver");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutASourceItSaysWhichOptionsToGive() {
        Run run = IdentityServerSource.run(environment);

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("Give either --source-url=jdbc:... (IdentityServer's database) or --file=");
    }

    @Test
    void anUnreachableSourceDatabaseStopsTheImport() {
        // nothing listens on port 1; the URL of the driver this project has, its password in the parameters
        String server = switch (TestDatabase.projectVendor()) {
            case "postgresql" -> "jdbc:postgresql://127.0.0.1:1/identityserver";
            case "mysql" -> "jdbc:mysql://127.0.0.1:1/identityserver";
            default -> "jdbc:h2:tcp://127.0.0.1:1/identityserver";
        };
        String parameters = server.startsWith("jdbc:h2") ? ";PASSWORD=hunter2" : "?password=hunter2";

        Run run = IdentityServerSource.run(environment, "--source-url=" + server + parameters);

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err())
                .contains("Could not connect to the database of --source-url: ")
                .doesNotContain("hunter2")
                .doesNotContain("\tat ");
        assertThat(run.out()).endsWith("imported: 0, updated: 0, skipped: 0, failed: 0\n");
    }

    @Test
    void aDatabaseThatIsNotIdentityServersIsRefusedNamingTheMissingTable() {
        // this server's own database: no IdentityServer tables
        Run run = IdentityServerSource.run(
                environment,
                "--source-url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--source-username=" + environment.getProperty("spring.datasource.username", ""),
                "--source-password=" + environment.getProperty("spring.datasource.password", ""));

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("Not an IdentityServer database: table Clients not found");
    }

    @Test
    void aGrantsDatabaseWithoutPersistedGrantsIsRefused() {
        IdentityServerSource source = new IdentityServerSource("nobody");
        String configuration = source.database("configuration-ddl.sql", "configuration-data.sql");

        Run run = IdentityServerSource.run(
                environment, "--source-url=" + configuration, "--source-username=sa", "--grants-url=" + configuration);

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("table PersistedGrants not found");
        assertThat(clients.findByClientId(source.clientId("m2m"))).isNull();
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() throws Exception {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\n  \"clients\": [\n    {\"clientId\": \"a\",, }\n  ]\n}\n");

        Run run = IdentityServerSource.run(environment, "--file=" + file);

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("is not valid JSON at line 3, column").doesNotContain("\tat ");
    }

    @Test
    void jsonThatIsNotAnExportIsRefused() throws Exception {
        Path file = folder.resolve("users.json");
        Files.writeString(file, "{\"users\": []}");

        Run run = IdentityServerSource.run(environment, "--file=" + file);

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("has no array 'clients': not an IdentityServer export");
    }

    @Test
    void aMissingExportFileIsNamed() {
        Run run = IdentityServerSource.run(environment, "--file=" + folder.resolve("nothing.json"));

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("nothing.json does not exist");
    }

    @Test
    void aClientIdOfADevelopmentClientIsAFailedRowAndTheClientIsUntouched() {
        String before = Canonical.of(clients.findByClientId("interactive"));
        IdentityServerSource source = new IdentityServerSource("nobody");

        Run run = IdentityServerSource.run(environment, "--file=" + export(source));

        assertThat(run.out())
                .contains("failed  client interactive: the client id is already used here by a client that was not"
                        + " imported");
        RegisteredClient after = clients.findByClientId("interactive");
        assertThat(Canonical.of(after)).isEqualTo(before);
        assertThat(ImportedClients.importedFrom(after)).isNull();
    }

    @Test
    void aCodeClientWithoutAUsableRedirectUriIsAFailedRow() throws Exception {
        Path file = folder.resolve("redirects.json");
        Files.writeString(file, """
                {"clients": [{"clientId": "is-redirects-SUFFIX", "requireClientSecret": false,
                  "allowedGrantTypes": [{"grantType": "authorization_code"}],
                  "redirectUris": [{"redirectUri": "/signin-oidc"}, {"redirectUri": "https://app.example.com/cb#x"},
                                   {"redirectUri": "https://app example.com/cb"}],
                  "allowedScopes": [{"scope": "openid"}]}]}
                """.replace("SUFFIX", new IdentityServerSource("nobody").suffix));

        Run run = IdentityServerSource.run(environment, "--file=" + file);

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("redirect URI /signin-oidc not carried over: not an absolute URI without fragment")
                .contains("redirect URI https://app.example.com/cb#x not carried over")
                .contains("redirect URI https://app example.com/cb not carried over")
                .contains(": no usable redirect URI for its authorization code flow")
                .endsWith("imported: 0, updated: 0, skipped: 0, failed: 1\n");
    }

    @Test
    void redirectUrisThatRunInTheBrowserAreDroppedAndPlainHttpOffLoopbackIsKeptWithAWarning() throws Exception {
        String suffix = new IdentityServerSource("nobody").suffix;
        Path file = folder.resolve("schemes.json");
        Files.writeString(file, """
                {"clients": [
                  {"clientId": "is-schemes-SUFFIX", "requireClientSecret": false,
                   "allowedGrantTypes": [{"grantType": "authorization_code"}],
                   "redirectUris": [{"redirectUri": "JavaScript:alert(document.cookie)//"},
                                    {"redirectUri": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
                                    {"redirectUri": "vbscript:msgbox(1)"}, {"redirectUri": "file:///etc/passwd"},
                                    {"redirectUri": "http://intranet.example.com/cb"},
                                    {"redirectUri": "http://127.0.0.1:7000/cb"},
                                    {"redirectUri": "org.sample.app:/callback"}],
                   "postLogoutRedirectUris": [{"postLogoutRedirectUri": "javascript:alert(2)"},
                                              {"postLogoutRedirectUri": "https://app.example.com/"}],
                   "allowedScopes": [{"scope": "openid"}]},
                  {"clientId": "is-onlyjs-SUFFIX", "requireClientSecret": false,
                   "allowedGrantTypes": [{"grantType": "authorization_code"}],
                   "redirectUris": [{"redirectUri": "javascript:alert(1)"}],
                   "allowedScopes": [{"scope": "openid"}]}]}
                """.replace("SUFFIX", suffix));

        Run run = IdentityServerSource.run(environment, "--file=" + file);

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("redirect URI JavaScript:alert(document.cookie)// not carried over: a javascript: URI")
                .contains(
                        "redirect URI data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== not carried over: a data: URI")
                .contains("redirect URI vbscript:msgbox(1) not carried over")
                .contains("redirect URI file:///etc/passwd not carried over")
                .contains("post-logout redirect URI javascript:alert(2) not carried over")
                .contains("redirect URI http://intranet.example.com/cb carried over, but it is plain http off loopback")
                .doesNotContain("http://127.0.0.1:7000/cb carried over")
                .contains("failed  client is-onlyjs-" + suffix + ": no usable redirect URI")
                .endsWith("imported: 1, updated: 0, skipped: 0, failed: 1\n");
        RegisteredClient client = clients.findByClientId("is-schemes-" + suffix);
        assertThat(client.getRedirectUris())
                .containsExactlyInAnyOrder(
                        "http://intranet.example.com/cb", "http://127.0.0.1:7000/cb", "org.sample.app:/callback");
        assertThat(client.getPostLogoutRedirectUris()).containsExactly("https://app.example.com/");
    }

    @Test
    void aScopeOfAnApiResourceOfThisServerThatWasNotImportedIsDroppedFromTheClient() throws Exception {
        String suffix = new IdentityServerSource("nobody").suffix;
        String localApi = "https://payroll.example.com/" + suffix;
        apiResources.save(new ApiResource(
                localApi,
                "payroll-" + suffix,
                "Payroll",
                Set.of("payroll.admin." + suffix),
                Set.of(),
                null,
                OAuth2TokenFormat.SELF_CONTAINED));
        Path file = folder.resolve("scopes.json");
        Files.writeString(file, """
                {"clients": [{"clientId": "is-scopes-SUFFIX", "requireClientSecret": false,
                  "allowedGrantTypes": [{"grantType": "urn:ietf:params:oauth:grant-type:device_code"}],
                  "allowedScopes": [{"scope": "openid"}, {"scope": "payroll.admin.SUFFIX"}]}],
                 "apiScopes": [{"name": "payroll.admin.SUFFIX", "enabled": true}]}
                """.replace("SUFFIX", suffix));

        Run run = IdentityServerSource.run(environment, "--file=" + file);

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("warning client is-scopes-" + suffix + ": scope payroll.admin." + suffix
                        + " not carried over: it belongs to the API resource " + localApi + " of this server");
        assertThat(clients.findByClientId("is-scopes-" + suffix).getScopes()).containsExactly("openid");
    }

    @Test
    void aConsentProtectedByDataProtectionIsAFailedRowAndOneOfAnUnknownUserAWarning() throws Exception {
        String suffix = new IdentityServerSource("nobody").suffix;
        Path file = folder.resolve("protected.json");
        Files.writeString(file, """
                {"clients": [{"clientId": "is-protected-SUFFIX", "requireClientSecret": false,
                  "allowedGrantTypes": [{"grantType": "urn:ietf:params:oauth:grant-type:device_code"}],
                  "allowedScopes": [{"scope": "openid"}]}],
                 "persistedGrants": [
                  {"type": "user_consent", "subjectId": "protected-SUFFIX", "clientId": "is-protected-SUFFIX",
                   "data": "{\\"PersistentGrantDataContainerVersion\\":1,\\"DataProtected\\":true,\\"Payload\\":\\"CfDJ8\\"}"},
                  {"type": "user_consent", "subjectId": "unknown-SUFFIX", "clientId": "is-protected-SUFFIX",
                   "data": "{\\"Scopes\\":[\\"openid\\"]}"}]}
                """.replace("SUFFIX", suffix));

        Run run = IdentityServerSource.run(environment, "--file=" + file);

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("failed  consent of user protected-" + suffix + " to client is-protected-" + suffix
                        + ": Data is protected by ASP.NET Core Data Protection")
                .contains("warning consent of user unknown-" + suffix + " to client is-protected-" + suffix
                        + ": no user with this id here yet")
                .endsWith("imported: 2, updated: 0, skipped: 0, failed: 1\n");
    }

    @Test
    void aDryRunReportsEverythingAndWritesNothing() {
        IdentityServerSource source = new IdentityServerSource("nobody");
        String database = source.database();
        int recorded = importedRows();

        Run dry =
                IdentityServerSource.run(environment, "--source-url=" + database, "--source-username=sa", "--dry-run");

        assertThat(dry.status()).as("%s", dry).isZero();
        assertThat(dry.out())
                .endsWith("dry run: nothing was written\nimported: 7, updated: 0, skipped: 2, failed: 4\n");
        assertThat(clients.findByClientId(source.clientId("m2m"))).isNull();
        assertThat(importedRows()).isEqualTo(recorded);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_resources where uri = ?", Integer.class, source.ordersApi()))
                .isZero();
        Run real = IdentityServerSource.run(environment, "--source-url=" + database, "--source-username=sa");
        assertThat(real.out()).endsWith("imported: 7, updated: 0, skipped: 2, failed: 4\n");
    }

    @Test
    void aSecondRunSkipsWhatIsUnchangedUpdatesWhatChangedThereAndKeepsWhatChangedHere() throws Exception {
        IdentityServerSource source = new IdentityServerSource("nobody");
        String database = source.database();
        IdentityServerSource.run(environment, "--source-url=" + database, "--source-username=sa");

        Run second = IdentityServerSource.run(environment, "--source-url=" + database, "--source-username=sa");

        assertThat(second.out())
                .contains("skipped client " + source.clientId("m2m") + ": unchanged since the last import")
                .contains("skipped API resource " + source.ordersApi() + ": unchanged since the last import")
                .contains("skipped consent of user nobody to client " + source.clientId("web") + ": unchanged")
                .endsWith("imported: 0, updated: 0, skipped: 9, failed: 4\n");

        execute(
                database,
                "update [Clients] set [AccessTokenLifetime] = 600 where [ClientId] in (N'" + source.clientId("m2m")
                        + "', N'" + source.clientId("m2m512") + "')");
        RegisteredClient changedHere = clients.findByClientId(source.clientId("m2m512"));
        clients.save(
                RegisteredClient.from(changedHere).clientName("Renamed here").build());

        Run third = IdentityServerSource.run(environment, "--source-url=" + database, "--source-username=sa");

        assertThat(third.out())
                .contains("skipped client " + source.clientId("m2m512") + ": changed here since it was imported")
                .endsWith("imported: 0, updated: 1, skipped: 8, failed: 4\n");
        assertThat(clients.findByClientId(source.clientId("m2m"))
                        .getTokenSettings()
                        .getAccessTokenTimeToLive())
                .hasSeconds(600);
        RegisteredClient kept = clients.findByClientId(source.clientId("m2m512"));
        assertThat(kept.getClientName()).isEqualTo("Renamed here");
        assertThat(kept.getTokenSettings().getAccessTokenTimeToLive()).hasSeconds(3600);
    }

    private Path export(IdentityServerSource source) {
        try {
            return source.export(folder);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private int importedRows() {
        return jdbc.queryForObject("select count(*) from imported_rows", Integer.class);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
