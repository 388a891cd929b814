package com.example.authserver.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates roles and gives them claims, in the spirit of ASP.NET Core Identity's {@code RoleManager}. */
@Service
@Transactional
public class RoleManager {

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
}
