package com.example.authserver.imports.identityserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.JdbcApiResources;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.identityserver.IdentityServerSource.Run;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code import identityserver} end to end: what it brings over from IdentityServer's databases or a JSON export works
 * at this server's real endpoints, the clients with the secrets they had (SHA-256 and SHA-512 hashes carried over,
 * never re-issued) and the users with the consents they had given.
 */
@ServerTest
class IdentityServerImportTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    Environment environment;

    @Autowired
    JdbcApiResources serverResources;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportedRows importedRows;

    @TempDir
    Path folder;

    /** The user as {@code import aspnet-identity} leaves them: recorded as brought over, with the same id. */
    private ApplicationUser importedFromAspNetIdentity(String prefix) {
        ApplicationUser user = users.create(prefix);
        importedRows.record(
                ImportedRows.ASPNET_IDENTITY_USERS,
                user.getId(),
                new ImportedRows.Record(user.getId(), "source-digest", "target-digest"));
        return user;
    }

    /**
     * A running server reads new API resources after its cache expires ({@code authforge.clients.cache-time-to-live},
     * 30 s; new clients at once, as unknown client ids are never cached): here the server's store forgets its cache
     * at once, by saving the imported resource again as it is in the database.
     */
    private void afterTheServersCachesExpire(IdentityServerSource source) {
        serverResources.save(
                JdbcApiResources.uncached(jdbc).findByUri(source.ordersApi()).orElseThrow());
    }

    @Test
    void importedClientsGetTokensWithTheirOriginalSecretsFromTheDatabases() throws Exception {
        IdentityServerSource source = new IdentityServerSource("nobody");

        Run run = IdentityServerSource.run(environment, "--source-url=" + source.database(), "--source-username=sa");

        assertThat(run.status()).as("%s", run).isZero();
        afterTheServersCachesExpire(source);
        assertThatTheImportedClientsGetTokensWithTheirOriginalSecrets(source);
    }

    @Test
    void importedClientsGetTokensWithTheirOriginalSecretsFromTheJsonExport() throws Exception {
        IdentityServerSource source = new IdentityServerSource("nobody");

        Run run = IdentityServerSource.run(environment, "--file=" + source.export(folder));

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).endsWith("imported: 7, updated: 0, skipped: 2, failed: 4\n");
        afterTheServersCachesExpire(source);
        assertThatTheImportedClientsGetTokensWithTheirOriginalSecrets(source);
    }

    @Test
    void theJsonExportImportsTheSameAsTheDatabases() throws Exception {
        IdentityServerSource fromDatabases = new IdentityServerSource("nobody");
        IdentityServerSource fromExport = new IdentityServerSource("nobody");

        Run databases = IdentityServerSource.run(
                environment, "--source-url=" + fromDatabases.database(), "--source-username=sa");
        Run export = IdentityServerSource.run(environment, "--file=" + fromExport.export(folder));

        assertThat(export.out().replace(fromExport.suffix, "<suffix>"))
                .isEqualTo(databases.out().replace(fromDatabases.suffix, "<suffix>"));
    }

    private void assertThatTheImportedClientsGetTokensWithTheirOriginalSecrets(IdentityServerSource source)
            throws Exception {
        JWTClaimsSet sha256 = clientCredentials(source, "m2m", "orders.read");
        assertThat(sha256.getAudience()).containsExactly(source.ordersApi());
        assertThat(sha256.getStringClaim("scope")).isEqualTo(source.scope("orders.read"));
        assertThat(sha256.getExpirationTime().getTime() - sha256.getIssueTime().getTime())
                .as("AccessTokenLifetime 1200 s")
                .isEqualTo(1_200_000);
        JWTClaimsSet sha512 = clientCredentials(source, "m2m512", "orders.write");
        assertThat(sha512.getAudience()).containsExactly(source.ordersApi());
        assertThat(server.client(source.clientId("m2m"), source.secret("old"))
                        .clientCredentials(source.scope("orders.read"))
                        .indicatesSuccess())
                .as("the expired secret is not carried over")
                .isFalse();
    }

    @Test
    void theRunReportsEveryRowAndWhatWasNotCarriedOver() {
        IdentityServerSource source = new IdentityServerSource("nobody");

        Run run = IdentityServerSource.run(environment, "--source-url=" + source.database(), "--source-username=sa");

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("failed  client " + source.clientId("implicit") + ": no grant type this server offers")
                .contains("warning client " + source.clientId("implicit") + ": grant type implicit not carried over")
                .contains("warning client " + source.clientId("hybrid") + ": grant type hybrid not carried over")
                .contains("skipped client " + source.clientId("disabled") + ": disabled in IdentityServer")
                .contains("warning client " + source.clientId("m2m") + ": secret 'old' not carried over: expired")
                .contains("warning client " + source.clientId("web") + ": CORS origins [https://web.example.com]")
                .contains("warning client " + source.clientId("web") + ": scope employee not carried over")
                .contains("warning identity resource employee: not carried over")
                .contains("failed  API resource inventory" + source.suffix + ": its name is not an absolute URI")
                .contains("skipped consent of user nobody to client " + source.clientId("spa") + ": expired")
                .contains("failed  consent of user nobody to client " + source.clientId("implicit") + ": the client "
                        + source.clientId("implicit") + " was not imported")
                .contains("1 persisted grant(s) of other types")
                .endsWith("imported: 7, updated: 0, skipped: 2, failed: 4\n");
    }

    @Test
    void aConsentOfAUserOfThisServerWhoWasNotImportedFailsAndIsNotWritten() throws Exception {
        ApplicationUser local = users.create("is-local");
        IdentityServerSource source = new IdentityServerSource(local.getId());

        Run run = IdentityServerSource.run(environment, "--file=" + source.export(folder));

        assertThat(run.out())
                .contains("failed  consent of user " + local.getId() + " to client " + source.clientId("web")
                        + ": the user " + local.getId() + " here was not imported from ASP.NET Identity");
        assertThat(jdbc.queryForObject(
                        "select count(*) from oauth2_authorization_consent where principal_name = ?",
                        Integer.class,
                        local.getId()))
                .as("the source cannot pre-authorize its clients for this server's own users")
                .isZero();
        afterTheServersCachesExpire(source);
        OidcClient web = server.client(source.clientId("web"), source.secret("web"));
        OidcClient.Authorization authorization =
                web.authorizationRequest("openid profile offline_access " + source.scope("orders.read"));
        var page = SignInFlow.startAndSignIn(server.browser(), authorization, local.getUserName(), TestUsers.PASSWORD);
        assertThat(page.uri().getPath()).as("the consent page is shown").isEqualTo("/oauth2/consent");
    }

    @Test
    void theImportedCodeClientSignsInTheUserWithTheConsentTheyHadGiven() throws Exception {
        ApplicationUser user = importedFromAspNetIdentity("is-consent");
        IdentityServerSource source = new IdentityServerSource(user.getId());
        Run run = IdentityServerSource.run(environment, "--file=" + source.export(folder));
        assertThat(run.status()).as("%s", run).isZero();
        afterTheServersCachesExpire(source);
        OidcClient web = server.client(source.clientId("web"), source.secret("web"));
        Browser browser = server.browser();

        OidcClient.Authorization authorization =
                web.authorizationRequest("openid profile offline_access " + source.scope("orders.read"));
        var page = SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);

        assertThat(page.uri().toString())
                .as("no consent page: the consent was remembered in IdentityServer")
                .startsWith(OidcClient.REDIRECT_URI.toString());
        TokenResponse response = web.exchange(web.codeFrom(page.uri(), authorization), authorization.verifier());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        JWTClaimsSet access =
                SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo(user.getId());
        assertThat(access.getAudience()).containsExactly(source.ordersApi());
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime())
                .as("AccessTokenLifetime 900 s")
                .isEqualTo(900_000);
        assertThat(tokens.getTokens().getRefreshToken())
                .as("AllowOfflineAccess")
                .isNotNull();
    }

    /** A client_credentials token of the imported client, authenticated with its original plain-text secret. */
    private JWTClaimsSet clientCredentials(IdentityServerSource source, String client, String scope) throws Exception {
        TokenResponse response =
                server.client(source.clientId(client), source.secret(client)).clientCredentials(source.scope(scope));
        assertThat(response.indicatesSuccess())
                .as(
                        "%s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        AccessTokenResponse success = response.toSuccessResponse();
        return SignedJWT.parse(success.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
    }
}
