package com.example.authserver.imports.aspnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update that changes a user's credentials (password hash, authenticator key) ends their sessions and refresh
 * tokens here, by a new security stamp, even when the source did not renew its own.
 */
@ServerTest
class AspNetIdentityCredentialUpdateTests extends SqliteSourceTest {

    @BeforeEach
    void importOnce() {
        ImportRun.of(importer, source);
    }

    @Test
    void aNewPasswordHashWithTheSameSecurityStampRenewsTheStampHere() {
        String before = stamp(data.v2Id);
        source.execute(
                "update \"AspNetUsers\" set \"PasswordHash\" = ?, \"ConcurrencyStamp\" = ? where \"Id\" = ?",
                DotNetPasswordHashes.v2("Another-pass-v2!"),
                UUID.randomUUID().toString(),
                data.v2Id);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.summary()).as(second.toString()).contains("updated: 1");
        assertThat(stamp(data.v2Id)).isNotEqualTo(before);
    }

    @Test
    void aNewPasswordHashWithoutASecurityStampRenewsTheStampHere() {
        String before = stamp(data.v2Id);
        source.execute(
                "update \"AspNetUsers\" set \"PasswordHash\" = ?, \"SecurityStamp\" = null, \"ConcurrencyStamp\" = ?"
                        + " where \"Id\" = ?",
                DotNetPasswordHashes.v2("Another-pass-v2!"),
                UUID.randomUUID().toString(),
                data.v2Id);

        ImportRun.of(importer, source);

        assertThat(stamp(data.v2Id)).isNotEqualTo(before);
    }

    @Test
    void aNewAuthenticatorKeyWithTheSameSecurityStampRenewsTheStampHere() {
        String before = stamp(data.totpId);
        source.execute(
                "update \"AspNetUserTokens\" set \"Value\" = ? where \"UserId\" = ? and \"Name\" = 'AuthenticatorKey'",
                new DotNetIdentityData().authenticatorKey,
                data.totpId);
        source.execute(
                "update \"AspNetUsers\" set \"ConcurrencyStamp\" = ? where \"Id\" = ?",
                UUID.randomUUID().toString(),
                data.totpId);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.summary()).as(second.toString()).contains("updated: 1");
        assertThat(stamp(data.totpId)).isNotEqualTo(before);
    }

    @Test
    void anUpdateOfOtherColumnsKeepsTheStamp() {
        String before = stamp(data.v2Id);
        source.execute(
                "update \"AspNetUsers\" set \"PhoneNumber\" = ?, \"ConcurrencyStamp\" = ? where \"Id\" = ?",
                "+1 555 0199",
                UUID.randomUUID().toString(),
                data.v2Id);

        ImportRun.of(importer, source);

        assertThat(stamp(data.v2Id)).isEqualTo(before);
    }

    private String stamp(String userId) {
        return userManager.findById(userId).orElseThrow().getSecurityStamp();
    }
}
