package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.ImportedUsers;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.ImportedRows.Decision;
import com.example.authserver.imports.aspnet.AspNetRows.Claim;
import com.example.authserver.imports.aspnet.AspNetRows.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Brings one AspNetRoles row and its claims over. A role keeps its id: roles reach tokens by name ({@code role}
 * claim), and a source could name its role {@code Admin} or like one this server made: so a source role never joins
 * this server's administrator role ({@link IdentityRole#ADMIN}) nor a role that was not imported (a seeded one, say),
 * unless the mapping file says so with a line {@code role.<source name>=<local name>}; without it, the row fails and
 * its members do not get the role. A role deleted here since its import stays deleted. Claims are added, never
 * removed: a role's claims here may have been added here too, and role claims carry no version to tell.
 */
@Component
class RoleImport {

    static final String KIND = AspNetIdentityImporter.KIND + "-role";

    private static final String NOT_COMPARED = "-";

    private final ImportedUsers users;

    private final RoleManager roles;

    private final ImportedRows records;

    RoleImport(ImportedUsers users, RoleManager roles, ImportedRows records) {
        this.users = users;
        this.roles = roles;
        this.records = records;
    }

    /** Imports the role; records the id it has here in {@code roleIds} (source id to id here) for the users. */
    List<RowOutcome> importRole(Role source, UserMapping mapping, Map<String, String> roleIds) {
        String row = "role " + source.id() + (source.name() == null ? "" : " (" + source.name() + ")");
        if (source.name() == null || source.name().isBlank()) {
            return List.of(RowOutcome.failed(row, "no Name"));
        }
        if (source.id().length() > UserRowCheck.MAX_ID || source.name().length() > 256) {
            return List.of(RowOutcome.failed(row, "Id or Name is longer than this server keeps"));
        }
        for (Claim claim : source.claims()) {
            if (claim.type() == null
                    || claim.type().length() > 256
                    || claim.value() != null && claim.value().length() > 1024) {
                return List.of(RowOutcome.failed(row, "claim " + claim.type() + " has no type or is too long"));
            }
        }
        Optional<String> mapped = mapping.role(source.name());
        // the mapping line is part of the row's state: adding or removing it is seen by the next run
        String digest = ImportedRows.digest(
                source.concurrencyStamp() + " " + mapped.orElse("") + " " + AspNetIdentityImporter.digest(source));
        Optional<ImportedRows.Record> last = records.find(KIND, source.id());
        Optional<IdentityRole> here = users.findRoleById(source.id());
        String refused = mapped.isPresent() ? null : refusal(source, last, here);
        if (refused != null) {
            return List.of(RowOutcome.failed(row, refused));
        }
        if (mapped.isEmpty() && last.isPresent() && here.isEmpty()) {
            return List.of(RowOutcome.skipped(row, "deleted here since the last import: left deleted"));
        }
        // roles are only added to, never changed here by an import: their state here is not compared
        Decision decision = ImportedRows.decide(last, digest, Optional.of(NOT_COMPARED));
        IdentityRole role = mapped.map(roles::findOrCreate)
                .orElseGet(() -> here.orElseGet(() -> users.createRole(source.id(), source.name())));
        roleIds.put(source.id(), role.getId());
        if (decision == Decision.UNCHANGED) {
            return List.of(RowOutcome.skipped(row, "unchanged"));
        }
        for (Claim claim : source.claims()) {
            roles.addClaim(role, claim.type(), claim.value());
        }
        records.record(KIND, source.id(), new ImportedRows.Record(role.getId(), digest, NOT_COMPARED));
        return List.of(decision == Decision.NEW ? RowOutcome.imported(row) : RowOutcome.updated(row));
    }

    /** Why the role, not mapped, may not be imported: it would join a role of this server's own; or null. */
    private String refusal(Role source, Optional<ImportedRows.Record> last, Optional<IdentityRole> here) {
        String normalized = LookupNormalizer.normalizeName(source.name());
        String allow =
                "only a line role." + source.name() + "=<local role> in the mapping file lets a source role join it";
        if (here.isPresent() && !here.get().getNormalizedName().equals(normalized)) {
            return "the role with this id here is named '" + here.get().getName() + "'";
        }
        if (IdentityRole.ADMIN.equals(normalized)) {
            return IdentityRole.ADMIN_NAME + " is this server's administrator role: " + allow;
        }
        boolean importedHere = last.isPresent() && last.get().targetId().equals(source.id());
        if (here.isPresent() && !importedHere) {
            return "a role with this id exists here and was not imported: " + allow;
        }
        Optional<IdentityRole> named = roles.findByName(source.name());
        if (named.isPresent() && !named.get().getId().equals(source.id())) {
            return "a role named '" + named.get().getName() + "' exists here and was not imported: " + allow;
        }
        return null;
    }
}
