package com.example.authserver.imports.aspnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.UserManager;
import com.example.authserver.identity.UserToken;
import com.example.authserver.support.ServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A source written to attack this server: tokens in this server's own provider (reset links, planted codes) and
 * claims that would override what this server derives itself (a verified email the user never confirmed here).
 */
@ServerTest
class AspNetIdentityHostileSourceTests {

    @Autowired
    AspNetIdentityImporter importer;

    @Autowired
    UserManager userManager;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    AspNetIdentitySource source;

    DotNetIdentityData data;

    @BeforeEach
    void dotNetDatabase() {
        source = AspNetIdentitySource.sqlite(folder);
        data = new DotNetIdentityData();
        data.writeTo(source);
    }

    @AfterEach
    void dropSource() {
        source.close();
    }

    @Test
    void tokensOfThisServersOwnProviderAreNotCopied() {
        token(data.v2Id, UserToken.SERVER_PROVIDER, "ResetPassword", "planted");
        token(data.v2Id, UserToken.SERVER_PROVIDER, "AuthenticatorKey", "planted");

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("warning user " + data.v2Id + " (" + data.v2Name + "): 2 token(s) of provider "
                        + UserToken.SERVER_PROVIDER + " are this server's own and are not copied");
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_tokens where user_id = ? and login_provider = ?",
                        Long.class,
                        data.v2Id,
                        UserToken.SERVER_PROVIDER))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_tokens where user_id = ? and login_provider = 'Google'",
                        Long.class,
                        data.v2Id))
                .isOne();
    }

    @Test
    void claimsThisServerDerivesItselfAreNotCopied() {
        claim(data.v3Id, "email_verified", "true");
        claim(data.v3Id, "Email", "ceo@example.org");
        claim(data.v3Id, "role", "ADMIN");
        claim(data.v3Id, "amr", "mfa");

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("warning user " + data.v3Id + " (" + data.v3Name + "): claims Email, amr, email_verified,"
                        + " role are this server's own (it derives them itself) and are not copied");
        assertThat(userManager.getClaims(userManager.findById(data.v3Id).orElseThrow()))
                .extracting(claim -> claim.getClaimType() + "=" + claim.getClaimValue())
                .containsExactly("department=Engineering");
    }

    private void token(String userId, String provider, String name, String value) {
        source.execute(
                "insert into \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\")"
                        + " values (?, ?, ?, ?)",
                userId,
                provider,
                name,
                value);
    }

    private void claim(String userId, String type, String value) {
        source.execute(
                "insert into \"AspNetUserClaims\" (\"UserId\", \"ClaimType\", \"ClaimValue\") values (?, ?, ?)",
                userId,
                type,
                value);
    }
}
