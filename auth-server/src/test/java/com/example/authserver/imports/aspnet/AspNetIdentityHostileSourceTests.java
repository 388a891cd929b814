package com.example.authserver.imports.aspnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.UserToken;
import com.example.authserver.support.ServerTest;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A source written to attack this server: tokens in this server's own provider (reset links, planted codes) and
 * claims that would override what this server derives itself (a verified email the user never confirmed here).
 */
@ServerTest
class AspNetIdentityHostileSourceTests extends SqliteSourceTest {

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

    @Test
    void aHashTheEncoderCouldNeverVerifyFailsItsRow() {
        hash(data.v2Id, v3Header(10_000, 8));
        hash(data.v3Id, v3Header(20_000_000, 16));

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.out())
                .contains("failed  user " + data.v2Id + " (" + data.v2Name + "): PasswordHash cannot be verified"
                        + " here: its salt is shorter than 16 bytes or longer than the hash")
                .contains("failed  user " + data.v3Id + " (" + data.v3Name + "): PasswordHash cannot be verified"
                        + " here: it asks for 20000000 iterations of 1 blocks, over 10000000");
        assertThat(userManager.findById(data.v2Id)).isEmpty();
        assertThat(userManager.findById(data.v3Id)).isEmpty();
    }

    /** A v3 hash (HMAC-SHA256) of a 32-byte subkey: only its header matters here. */
    private static String v3Header(int iterations, int saltLength) {
        ByteBuffer hash = ByteBuffer.allocate(13 + saltLength + 32)
                .put((byte) 1)
                .putInt(1)
                .putInt(iterations)
                .putInt(saltLength);
        return Base64.getEncoder().encodeToString(hash.array());
    }

    private void hash(String userId, String hash) {
        source.execute("update \"AspNetUsers\" set \"PasswordHash\" = ? where \"Id\" = ?", hash, userId);
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
