package com.example.authserver.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates roles and gives them claims, in the spirit of ASP.NET Core Identity's {@code RoleManager}. */
@Service
@Transactional
public class RoleManager {

    /** The roles table's column holds 256 characters; a name an administrator reads in one line is far shorter. */
    static final int MAX_NAME_LENGTH = 100;

    private final RoleRepository roles;

    private final RoleClaimRepository roleClaims;

    RoleManager(RoleRepository roles, RoleClaimRepository roleClaims) {
        this.roles = roles;
        this.roleClaims = roleClaims;
    }

    /** Returns the role with this name, creating it if it does not exist yet. */
    public IdentityRole findOrCreate(String name) {
        return findByName(name).orElseGet(() -> roles.saveAndFlush(new IdentityRole(name)));
    }

    @Transactional(readOnly = true)
    public Optional<IdentityRole> findByName(String name) {
        return roles.findByNormalizedName(LookupNormalizer.normalizeName(name));
    }

    /** Adds a claim to the role unless it already has it. */
    public void addClaim(IdentityRole role, String type, String value) {
        if (!roleClaims.existsByRoleIdAndClaimTypeAndClaimValue(role.getId(), type, value)) {
            roleClaims.save(new RoleClaim(role.getId(), type, value));
        }
    }

    /** The names of every role, in order: what an administrator picks from. */
    @Transactional(readOnly = true)
    public List<String> roleNames() {
        return roles.findAll(Sort.by("name")).stream()
                .map(IdentityRole::getName)
                .toList();
    }

    /** A role and how many users have it. */
    public record RoleMembers(IdentityRole role, long members) {}

    /** Every role, by name, with its member count (roles are few: one query for the counts). */
    @Transactional(readOnly = true)
    public List<RoleMembers> allWithMemberCounts() {
        Map<String, Long> counts = new HashMap<>();
        roles.memberCounts().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return roles.findAllByOrderByNormalizedName().stream()
                .map(role -> new RoleMembers(role, counts.getOrDefault(role.getId(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<IdentityRole> findById(String id) {
        return id == null ? Optional.empty() : roles.findById(id);
    }

    /**
     * Creates a role; refuses a blank or overlong name ({@code InvalidRoleName}) and a name that normalizes like an
     * existing role's ({@code DuplicateRoleName}).
     */
    public IdentityRole create(String name) {
        checkName(name, null);
        return roles.saveAndFlush(new IdentityRole(name.strip()));
    }

    /**
     * Renames the role (its members keep it) unless it changed since {@code concurrencyStamp} was read; the
     * administrator role keeps its name ({@code AdminRoleRequired}): the console, SCIM and the metrics rule name it.
     */
    public IdentityRole rename(IdentityRole role, String newName, long concurrencyStamp) {
        refuseAdmin(role);
        checkName(newName, role.getId());
        IdentityRole current = roles.findById(role.getId()).orElseThrow(() -> stale(role));
        if (current.getConcurrencyStamp() != concurrencyStamp) {
            throw stale(role);
        }
        current.rename(newName.strip());
        return roles.saveAndFlush(current);
    }

    /** Deletes the role; the database removes its claims and memberships. The administrator role stays. */
    public void delete(IdentityRole role) {
        refuseAdmin(role);
        roles.deleteById(role.getId());
        roles.flush();
    }

    @Transactional(readOnly = true)
    public List<RoleClaim> claimsOf(IdentityRole role) {
        return roleClaims.findByRoleIdOrderById(role.getId());
    }

    /** Removes one claim of the role; false if the role has no claim with that id. */
    public boolean removeClaim(IdentityRole role, long claimId) {
        return roleClaims
                .findById(claimId)
                .filter(claim -> claim.getRoleId().equals(role.getId()))
                .map(claim -> {
                    roleClaims.delete(claim);
                    return true;
                })
                .orElse(false);
    }

    /** The role's members, by user name, a page at a time. */
    @Transactional(readOnly = true)
    public Slice<ApplicationUser> membersOf(IdentityRole role, int page, int size) {
        return roles.membersOf(role.getId(), PageRequest.of(page, size));
    }

    private void checkName(String name, String roleId) {
        if (name == null
                || name.isBlank()
                || name.strip().length() > MAX_NAME_LENGTH
                || name.codePoints()
                        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new IdentityException(
                    "InvalidRoleName",
                    "Role names have 1 to " + MAX_NAME_LENGTH + " characters, none a control character.");
        }
        roles.findByNormalizedName(LookupNormalizer.normalizeName(name))
                .filter(other -> !other.getId().equals(roleId))
                .ifPresent(other -> {
                    throw new IdentityException("DuplicateRoleName", "Role name '" + name.strip() + "' is taken.");
                });
    }

    private static void refuseAdmin(IdentityRole role) {
        if (IdentityRole.ADMIN.equals(role.getNormalizedName())) {
            throw new IdentityException("AdminRoleRequired", "The administrator role cannot be renamed or deleted.");
        }
    }

    private static ObjectOptimisticLockingFailureException stale(IdentityRole role) {
        return new ObjectOptimisticLockingFailureException(IdentityRole.class, role.getId());
    }
}
