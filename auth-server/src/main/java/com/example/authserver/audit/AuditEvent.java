package com.example.authserver.audit;

import com.example.authserver.identity.IdentityUser;
import java.time.Instant;

/**
 * One security event. {@code userId}/{@code userName}: the user it concerns (none for a client or key change);
 * {@code actor}: who made it (the user, an administrator's name, a client id, {@code command-line}); {@code method}:
 * how (the sign-in method: password, passkey, external, second-factor; or the channel of a change: console, scim,
 * command); {@code detail}: a short free text (a provider, a role list, a reason). {@link AuditTrail#record} fills the
 * time, address and actor when they are not set.
 */
public record AuditEvent(
        Instant time,
        AuditEventType type,
        String userId,
        String userName,
        String actor,
        String clientId,
        String method,
        String detail,
        String ipAddress) {

    public static AuditEvent of(AuditEventType type) {
        return new AuditEvent(null, type, null, null, null, null, null, null, null);
    }

    public AuditEvent user(String userId, String userName) {
        return new AuditEvent(time, type, userId, userName, actor, clientId, method, detail, ipAddress);
    }

    public AuditEvent user(IdentityUser user) {
        return user(user.getId(), user.getUserName());
    }

    public AuditEvent actor(String actor) {
        return new AuditEvent(time, type, userId, userName, actor, clientId, method, detail, ipAddress);
    }

    public AuditEvent client(String clientId) {
        return new AuditEvent(time, type, userId, userName, actor, clientId, method, detail, ipAddress);
    }

    public AuditEvent method(String method) {
        return new AuditEvent(time, type, userId, userName, actor, clientId, method, detail, ipAddress);
    }

    public AuditEvent detail(String detail) {
        return new AuditEvent(time, type, userId, userName, actor, clientId, method, detail, ipAddress);
    }

    AuditEvent at(Instant time, String ipAddress) {
        return new AuditEvent(time, type, userId, userName, actor, clientId, method, detail, ipAddress);
    }
}
