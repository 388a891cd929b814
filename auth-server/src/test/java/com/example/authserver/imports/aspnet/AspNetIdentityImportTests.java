package com.example.authserver.imports.aspnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code import aspnet-identity} against a SQLite database as the .NET template creates it: what it refuses, how
 * it reports broken rows, and what a second run does. AspNetIdentitySignInTests signs the imported users in.
 */
@ServerTest
class AspNetIdentityImportTests extends SqliteSourceTest {

    @Test
    void anUnreachableSourceStopsTheImportWithOneLine() {
        ImportRun run = ImportRun.raw(importer, "--source-url=jdbc:postgresql://127.0.0.1:1/identity");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("Import could not run: Could not connect to the database of --source-url: ")
                .contains("127.0.0.1:1");
        assertThat(run.summary()).isEqualTo("imported: 0, updated: 0, skipped: 0, failed: 0");
    }

    @Test
    void aUrlOfNoDatabaseTheImportReadsIsRefused() {
        ImportRun run = ImportRun.raw(importer, "--source-url=jdbc:oracle:thin:@//db:1521/app");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--source-url is not a JDBC URL of SQLite, SQL Server, PostgreSQL or MySQL");
    }

    @Test
    void aMissingSqliteFileIsNotCreated() {
        Path missing = folder.resolve("missing.db");

        ImportRun run = ImportRun.raw(importer, "--source-url=jdbc:sqlite:" + missing);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Import could not run: Could not connect to the database of --source-url");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDatabaseWithoutTheIdentityTablesIsRefusedNamingTheTable() {
        AspNetIdentitySource blog = AspNetIdentitySource.emptySqlite(folder);

        ImportRun run = ImportRun.of(importer, blog);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("Import could not run: Not an ASP.NET Core Identity schema: no table AspNetUsers");
    }

    @Test
    void aTableWithoutAColumnTheImportNeedsIsRefusedNamingIt() {
        source.execute("alter table \"AspNetUserTokens\" rename column \"Value\" to \"TokenValue\"");

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("table AspNetUserTokens has no column Value");
        assertThat(userManager.findById(data.v2Id)).isEmpty();
    }

    @Test
    void anUnknownOptionIsRefusedBeforeAnythingIsRead() {
        ImportRun run = ImportRun.of(importer, source, "--dryrun");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option --dryrun").contains("Usage: import aspnet-identity");
        assertThat(userManager.findById(data.v2Id)).isEmpty();
    }

    @Test
    void aMappingToAPropertyApplicationUserHasNotIsRefusedNamingIt() throws Exception {
        Path mapping = Files.writeString(folder.resolve("mapping.properties"), "FirstName=firstName\n");

        ImportRun run = ImportRun.of(importer, source, "--mapping=" + mapping);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ApplicationUser has no property 'firstName'");
    }

    @Test
    void aMappingFromAColumnTheSourceHasNotIsRefusedNamingIt() throws Exception {
        Path mapping = Files.writeString(folder.resolve("mapping.properties"), "GivenName=givenName\n");

        ImportRun run = ImportRun.of(importer, source, "--mapping=" + mapping);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("names column GivenName, which AspNetUsers does not have");
    }

    @Test
    void aDryRunReportsWhatARealRunDoesAndWritesNothing() {
        long usersBefore = count("users");
        long recordsBefore = count("imported_rows");

        ImportRun dry = ImportRun.of(importer, source, "--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("dry run: nothing was written");
        assertThat(count("users")).isEqualTo(usersBefore);
        assertThat(count("imported_rows")).isEqualTo(recordsBefore);
        assertThat(userManager.findById(data.v2Id)).isEmpty();
        ImportRun real = ImportRun.of(importer, source);
        assertThat(real.summary()).isEqualTo(dry.summary());
    }

    @Test
    void brokenRowsAreReportedWithTheirReasonAndTheRestIsImported() {
        ApplicationUser aliceBefore = userManager.findByName("alice").orElseThrow();

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.summary())
                .isEqualTo("imported: " + DotNetIdentityData.IMPORTED + ", updated: 0, skipped: 0, failed: "
                        + DotNetIdentityData.FAILED);
        assertThat(run.out())
                .contains("failed  user " + data.badEmailId + " (bad-email-" + data.suffix
                        + "): Email 'not an email' is not an email address")
                .contains("failed  user " + data.badHashId + " (bad-hash-" + data.suffix
                        + "): PasswordHash cannot be verified here: its version 3 header is truncated")
                .contains("failed  user " + data.longId + " (long-id-" + data.suffix
                        + "): Id is longer than 36 characters")
                .contains("failed  user " + data.aliceTwinId
                        + " (alice): user 'alice' here (another id) has the same user name or email")
                .contains("users: 9/9 (");
        ApplicationUser aliceAfter = userManager.findByName("alice").orElseThrow();
        assertThat(aliceAfter.getId()).isEqualTo(aliceBefore.getId());
        assertThat(aliceAfter.getPasswordHash()).isEqualTo(aliceBefore.getPasswordHash());
        assertThat(aliceAfter.getEmail()).isEqualTo(aliceBefore.getEmail());
        assertThat(userManager.findById(data.aliceTwinId)).isEmpty();
        assertThat(userManager.findById(data.v2Id)).isPresent();
    }

    @Test
    void theSourceIsOnlyRead() throws Exception {
        String before = source.contents();
        byte[] fileBefore = Files.readAllBytes(folder.resolve("app.db"));

        ImportRun.of(importer, source);
        ImportRun.of(importer, source);

        assertThat(source.contents()).isEqualTo(before);
        assertThat(Files.readAllBytes(folder.resolve("app.db"))).isEqualTo(fileBefore);
    }

    @Test
    void aSecondRunSkipsEveryUnchangedRow() {
        ImportRun first = ImportRun.of(importer, source);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(second.summary())
                .isEqualTo("imported: 0, updated: 0, skipped: " + DotNetIdentityData.IMPORTED + ", failed: "
                        + DotNetIdentityData.FAILED);
        assertThat(second.out()).contains("skipped user " + data.v2Id + " (" + data.v2Name + "): unchanged");
    }

    @Test
    void aRowChangedInTheSourceIsUpdated() {
        ImportRun.of(importer, source);
        source.execute(
                "update \"AspNetUsers\" set \"PhoneNumber\" = ?, \"ConcurrencyStamp\" = ? where \"Id\" = ?",
                "+1 555 0199",
                UUID.randomUUID().toString(),
                data.v2Id);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.summary())
                .isEqualTo("imported: 0, updated: 1, skipped: " + (DotNetIdentityData.IMPORTED - 1) + ", failed: "
                        + DotNetIdentityData.FAILED);
        assertThat(userManager.findById(data.v2Id).orElseThrow().getPhoneNumber())
                .isEqualTo("+1 555 0199");
    }

    @Test
    void aUserChangedHereIsNotOverwrittenByALaterChangeInTheSource() {
        ImportRun.of(importer, source);
        ApplicationUser here = userManager.findById(data.v2Id).orElseThrow();
        here.setPhoneNumber("+1 555 0123");
        userManager.update(here);
        source.execute(
                "update \"AspNetUsers\" set \"PhoneNumber\" = ?, \"ConcurrencyStamp\" = ? where \"Id\" = ?",
                "+1 555 0199",
                UUID.randomUUID().toString(),
                data.v2Id);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.out())
                .contains("skipped user " + data.v2Id + " (" + data.v2Name
                        + "): changed here since the last import: left as it is here");
        assertThat(second.summary()).contains("updated: 0");
        assertThat(userManager.findById(data.v2Id).orElseThrow().getPhoneNumber())
                .isEqualTo("+1 555 0123");
    }

    @Test
    void aClaimRemovedHereCountsAsAChangeHere() {
        ImportRun.of(importer, source);
        ApplicationUser here = userManager.findById(data.v3Id).orElseThrow();
        userManager.removeClaim(here, "department", "Engineering");
        source.execute(
                "update \"AspNetUsers\" set \"PhoneNumber\" = ?, \"ConcurrencyStamp\" = ? where \"Id\" = ?",
                "+1 555 0199",
                UUID.randomUUID().toString(),
                data.v3Id);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.out())
                .contains("skipped user " + data.v3Id + " (" + data.v3Name
                        + "): changed here since the last import: left as it is here");
        assertThat(userManager.getClaims(userManager.findById(data.v3Id).orElseThrow()))
                .isEmpty();
    }

    @Test
    void anUpdateThatWouldGiveAUserAnotherUsersEmailFailsAndChangesNothing() {
        ImportRun.of(importer, source);
        ApplicationUser alice = userManager.findByName("alice").orElseThrow();
        source.execute(
                "update \"AspNetUsers\" set \"Email\" = ?, \"NormalizedEmail\" = ?, \"ConcurrencyStamp\" = ?"
                        + " where \"Id\" = ?",
                alice.getEmail(),
                alice.getNormalizedEmail(),
                UUID.randomUUID().toString(),
                data.v2Id);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.out())
                .contains("failed  user " + data.v2Id + " (" + data.v2Name
                        + "): user 'alice' here (another id) has the same user name or email");
        assertThat(userManager.findById(data.v2Id).orElseThrow().getEmail()).isNotEqualTo(alice.getEmail());
        assertThat(userManager.findByEmail(alice.getEmail()).orElseThrow().getId())
                .isEqualTo(alice.getId());
    }

    @Test
    void aChangeTheConcurrencyStampDoesNotShowIsStillSeen() {
        ImportRun.of(importer, source);
        source.execute(
                "update \"AspNetUserClaims\" set \"ClaimValue\" = ? where \"UserId\" = ?", "Research", data.v3Id);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.summary()).contains("updated: 1");
        assertThat(userManager.getClaims(userManager.findById(data.v3Id).orElseThrow()))
                .extracting(claim -> claim.getClaimType() + "=" + claim.getClaimValue())
                .containsExactly("department=Research");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
