package com.example.authserver.administration;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.authorization.UserGrants;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.sessions.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * An administrator's view of a user's sessions and grants, and ending them, beside {@link UserAdministration}: the
 * code of the user's own sessions and applications pages (sessions/UserSessions, authorization/UserGrants), with an
 * audit event for each change. The request is the administrator's.
 */
@Component
public class UserSessionsAdministration {

    private final UserManager userManager;

    private final UserSessions sessions;

    private final UserGrants grants;

    private final AuditTrail audit;

    UserSessionsAdministration(UserManager userManager, UserSessions sessions, UserGrants grants, AuditTrail audit) {
        this.userManager = userManager;
        this.sessions = sessions;
        this.grants = grants;
        this.audit = audit;
    }

    public List<UserSessions.Shown> sessionsOf(String userId, HttpServletRequest request) {
        return sessions.of(userId, request);
    }

    public List<UserGrants.Grant> grantsOf(String userId) {
        return grants.grantsOf(userId);
    }

    /** Signs out one session of the user (named by its {@code ref}) and revokes what was granted in it. */
    public boolean endSession(String userId, String ref, String channel, HttpServletRequest request) {
        ApplicationUser user = existing(userId);
        if (!sessions.end(userId, ref, request)) {
            return false;
        }
        audit.record(AuditEvent.of(AuditEventType.SESSION_ENDED).user(user).method(channel));
        return true;
    }

    /** Signs out every session of the user; one audit event for all. */
    public void endAllSessions(String userId, String channel, HttpServletRequest request) {
        ApplicationUser user = existing(userId);
        sessions.endAll(userId, request);
        audit.record(AuditEvent.of(AuditEventType.SESSION_ENDED)
                .user(user)
                .method(channel)
                .detail("all"));
    }

    /**
     * Withdraws the user's consent to one application and ends its tokens; false if it held nothing. The grants store
     * records the event.
     */
    public boolean revokeGrant(String userId, String registeredClientId) {
        existing(userId);
        return grants.revoke(userId, registeredClientId);
    }

    private ApplicationUser existing(String userId) {
        return userManager.findById(userId).orElseThrow(() -> new NoSuchElementException("No user " + userId));
    }
}
