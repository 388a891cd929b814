package com.example.authserver.imports.aspnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.RoleManager;
import com.example.authserver.support.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A source's roles never make its users administrators here, nor members of a role this server made itself, unless
 * the mapping file says so ({@code role.<source name>=<local name>}); a role deleted here stays deleted.
 */
@ServerTest
class AspNetIdentityRoleImportTests extends SqliteSourceTest {

    @Autowired
    RoleManager roleManager;

    @Test
    void aSourceRoleNamedAdminDoesNotMakeItsMembersAdministratorsHere() {
        String adminId = sourceRole("Admin", data.v2Id, data.v3Id);

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("failed  role " + adminId + " (Admin): admin is this server's administrator role: only a"
                        + " line role.Admin=<local role> in the mapping file lets a source role join it");
        assertThat(run.out().lines().filter(line -> line.contains(adminId))).hasSize(1);
        assertThat(roles(data.v2Id)).doesNotContain("admin", "ADMIN", "Admin");
        assertThat(roles(data.v3Id)).doesNotContain("admin", "ADMIN", "Admin").contains(data.admins, data.editors);
    }

    @Test
    void aSourceRoleDoesNotJoinALocalRoleThatWasNotImported() {
        String staff = "Staff-" + data.suffix;
        roleManager.findOrCreate(staff);
        String staffId = sourceRole(staff, data.v2Id);

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.out())
                .contains("failed  role " + staffId + " (" + staff + "): a role named '" + staff
                        + "' exists here and was not imported: only a line role." + staff
                        + "=<local role> in the mapping file lets a source role join it");
        assertThat(roles(data.v2Id)).doesNotContain(staff);
    }

    @Test
    void aLocalRoleWithTheSourceIdAndAnotherNameFailsTheRow() {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into roles (id, name, normalized_name, concurrency_stamp) values (?, ?, ?, 0)",
                id,
                "Local-" + data.suffix,
                ("Local-" + data.suffix).toUpperCase());
        source.execute(
                "insert into \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\")"
                        + " values (?, ?, ?, ?)",
                id,
                "Other-" + data.suffix,
                ("Other-" + data.suffix).toUpperCase(),
                "1");

        ImportRun run = ImportRun.of(importer, source);

        assertThat(run.out())
                .contains("failed  role " + id + " (Other-" + data.suffix
                        + "): the role with this id here is named 'Local-" + data.suffix + "'");
        assertThat(roleManager.findByName("Other-" + data.suffix)).isEmpty();
    }

    @Test
    void aMappingLineLetsASourceRoleJoinALocalRole() throws Exception {
        sourceRole("Admin", data.v2Id);
        Path mapping = Files.writeString(folder.resolve("mapping.properties"), "role.Admin=admin\n");

        ImportRun run = ImportRun.of(importer, source, "--mapping=" + mapping);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(roles(data.v2Id)).contains("admin");
    }

    @Test
    void aRoleDeletedHereSinceItsImportIsLeftDeleted() {
        ImportRun.of(importer, source);
        jdbc.update("delete from user_roles where role_id = ?", data.editorsId);
        jdbc.update("delete from role_claims where role_id = ?", data.editorsId);
        jdbc.update("delete from roles where id = ?", data.editorsId);
        source.execute(
                "update \"AspNetRoles\" set \"ConcurrencyStamp\" = ? where \"Id\" = ?", "changed", data.editorsId);

        ImportRun second = ImportRun.of(importer, source);

        assertThat(second.out())
                .contains("skipped role " + data.editorsId + " (" + data.editors
                        + "): deleted here since the last import: left deleted");
        assertThat(roleManager.findByName(data.editors)).isEmpty();
    }

    private String sourceRole(String name, String... members) {
        String id = UUID.randomUUID().toString();
        source.execute(
                "insert into \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\")"
                        + " values (?, ?, ?, ?)",
                id,
                name,
                name.toUpperCase(),
                UUID.randomUUID().toString());
        for (String member : members) {
            source.execute("insert into \"AspNetUserRoles\" (\"UserId\", \"RoleId\") values (?, ?)", member, id);
        }
        return id;
    }

    private java.util.Set<String> roles(String userId) {
        return userManager.getRoleNames(userManager.findById(userId).orElseThrow());
    }
}
