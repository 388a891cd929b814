package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.ImportedUsers;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.ImportedRows.Decision;
import com.example.authserver.imports.aspnet.AspNetRows.Claim;
import com.example.authserver.imports.aspnet.AspNetRows.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Brings one AspNetRoles row and its claims over. A role keeps its id, unless this server has a role of the same
 * name already (a seeded one, say): the imported members and claims join that role, and a warning says so. Roles
 * reach tokens by name ({@code role} claim), so the id matters less than a user's. Claims are added, never removed:
 * a role's claims here may have been added here too, and role claims carry no version to tell.
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
    List<RowOutcome> importRole(Role source, Map<String, String> roleIds) {
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
        String digest = ImportedRows.digest(source.concurrencyStamp() + " " + AspNetIdentityImporter.digest(source));
        Optional<ImportedRows.Record> last = records.find(KIND, source.id());
        // roles are only added to, never changed here by an import: their state here is not compared
        Decision decision = ImportedRows.decide(last, digest, Optional.of(NOT_COMPARED));
        if (decision == Decision.UNCHANGED) {
            roleIds.put(source.id(), last.get().targetId());
            return List.of(RowOutcome.skipped(row, "unchanged"));
        }
        List<RowOutcome> outcomes = new ArrayList<>();
        IdentityRole role =
                users.findOrCreateRole(last.map(ImportedRows.Record::targetId).orElse(source.id()), source.name());
        if (!role.getId().equals(source.id()) && last.isEmpty()) {
            outcomes.add(RowOutcome.warning(
                    row, "a role named '" + role.getName() + "' exists here: its members and claims join it"));
        }
        for (Claim claim : source.claims()) {
            roles.addClaim(role, claim.type(), claim.value());
        }
        roleIds.put(source.id(), role.getId());
        records.record(KIND, source.id(), new ImportedRows.Record(role.getId(), digest, NOT_COMPARED));
        outcomes.add(decision == Decision.NEW ? RowOutcome.imported(row) : RowOutcome.updated(row));
        return outcomes;
    }
}
