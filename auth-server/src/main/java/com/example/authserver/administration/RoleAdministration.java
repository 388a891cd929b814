package com.example.authserver.administration;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE way an administrator changes roles, in the console or through SCIM (a group is a role): through the role store
 * ({@link RoleManager}, which checks names and keeps the administrator role), each change recorded in the audit trail
 * with its channel ({@link UserAdministration#CONSOLE}, {@link UserAdministration#SCIM}).
 */
@Component
public class RoleAdministration {

    private final RoleManager roles;

    private final AuditTrail audit;

    RoleAdministration(RoleManager roles, AuditTrail audit) {
        this.roles = roles;
        this.audit = audit;
    }

    @Transactional
    public IdentityRole create(String name, String channel) {
        IdentityRole role = roles.create(name);
        record(AuditEventType.ROLE_CREATED, channel, "role " + role.getName());
        return role;
    }

    @Transactional
    public void rename(IdentityRole role, String newName, long concurrencyStamp, String channel) {
        IdentityRole renamed = roles.rename(role, newName, concurrencyStamp);
        record(AuditEventType.ROLE_UPDATED, channel, "role " + role.getName() + " renamed " + renamed.getName());
    }

    @Transactional
    public void delete(IdentityRole role, String channel) {
        roles.delete(role);
        record(AuditEventType.ROLE_DELETED, channel, "role " + role.getName());
    }

    @Transactional
    public void addClaim(IdentityRole role, String type, String value, String channel) {
        roles.addClaim(role, type, value);
        record(AuditEventType.ROLE_UPDATED, channel, "role " + role.getName() + " claim added " + type);
    }

    @Transactional
    public boolean removeClaim(IdentityRole role, long claimId, String channel) {
        boolean removed = roles.removeClaim(role, claimId);
        if (removed) {
            record(AuditEventType.ROLE_UPDATED, channel, "role " + role.getName() + " claim removed");
        }
        return removed;
    }

    private void record(AuditEventType type, String channel, String detail) {
        audit.record(AuditEvent.of(type).method(channel).detail(detail));
    }
}
