package com.example.authserver.admin.roles;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes an administrator makes to roles in the console, through the role store ({@link RoleManager}, which
 * checks names and keeps the administrator role), each recorded in the audit trail with method {@value #CHANNEL}.
 */
@Component
class RoleAdministration {

    static final String CHANNEL = "console";

    private final RoleManager roles;

    private final AuditTrail audit;

    RoleAdministration(RoleManager roles, AuditTrail audit) {
        this.roles = roles;
        this.audit = audit;
    }

    @Transactional
    IdentityRole create(String name) {
        IdentityRole role = roles.create(name);
        record(AuditEventType.ROLE_CREATED, "role " + role.getName());
        return role;
    }

    @Transactional
    void rename(IdentityRole role, String newName, long concurrencyStamp) {
        IdentityRole renamed = roles.rename(role, newName, concurrencyStamp);
        record(AuditEventType.ROLE_UPDATED, "role " + role.getName() + " renamed " + renamed.getName());
    }

    @Transactional
    void delete(IdentityRole role) {
        roles.delete(role);
        record(AuditEventType.ROLE_DELETED, "role " + role.getName());
    }

    @Transactional
    void addClaim(IdentityRole role, String type, String value) {
        roles.addClaim(role, type, value);
        record(AuditEventType.ROLE_UPDATED, "role " + role.getName() + " claim added " + type);
    }

    @Transactional
    boolean removeClaim(IdentityRole role, long claimId) {
        boolean removed = roles.removeClaim(role, claimId);
        if (removed) {
            record(AuditEventType.ROLE_UPDATED, "role " + role.getName() + " claim removed");
        }
        return removed;
    }

    private void record(AuditEventType type, String detail) {
        audit.record(AuditEvent.of(type).method(CHANNEL).detail(detail));
    }
}
