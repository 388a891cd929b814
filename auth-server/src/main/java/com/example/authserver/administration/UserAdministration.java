package com.example.authserver.administration;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.authorization.UserGrants;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.UserManager;
import com.example.authserver.sessions.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * THE way an administrator changes a user, whichever the channel ({@link #CONSOLE}, {@link #SCIM}, {@link #COMMAND}):
 * the identity store's rules apply (password policy, unique name and email, optimistic lock), a disabled or deleted
 * user loses every session and grant at once, the last enabled administrator cannot be disabled, deleted or lose the
 * role, and each change leaves an audit event naming the channel (the actor is the signed-in administrator or the
 * provisioning client, filled in by the audit trail).
 */
@Component
public class UserAdministration {

    public static final String CONSOLE = "console";

    public static final String SCIM = "scim";

    public static final String COMMAND = "command";

    private final UserManager userManager;

    private final UserSessions sessions;

    private final UserGrants grants;

    private final AuditTrail audit;

    UserAdministration(UserManager userManager, UserSessions sessions, UserGrants grants, AuditTrail audit) {
        this.userManager = userManager;
        this.sessions = sessions;
        this.grants = grants;
        this.audit = audit;
    }

    /** Creates the user, with a password (checked by the policy) or without one (null). */
    @Transactional
    public ApplicationUser create(ApplicationUser user, String passwordOrNull, String channel) {
        ApplicationUser created = passwordOrNull == null
                ? userManager.createWithoutPassword(user)
                : userManager.create(user, passwordOrNull);
        audit.record(AuditEvent.of(AuditEventType.USER_CREATED).user(created).method(channel));
        return created;
    }

    /**
     * Saves the user's changed properties; a stale copy fails with an optimistic locking error, a user name or email
     * address of another user with an {@link IdentityException} ({@code DuplicateUserName}, {@code DuplicateEmail}).
     */
    @Transactional
    public ApplicationUser update(ApplicationUser user, String channel) {
        userManager.requireAvailableIdentifiers(user);
        ApplicationUser updated = userManager.update(user);
        audit.record(AuditEvent.of(AuditEventType.USER_UPDATED).user(updated).method(channel));
        return updated;
    }

    /** Sets a new password (checked by the policy) without the current one; the user's other sessions end. */
    @Transactional
    public void setPassword(String userId, String newPassword, String channel) {
        ApplicationUser user = existing(userId);
        userManager.resetPassword(user, newPassword);
        audit.record(AuditEvent.of(AuditEventType.PASSWORD_RESET).user(user).method(channel));
    }

    /**
     * Enables or disables the user. Disabled: sign-in, refresh and UserInfo refuse them at once ({@link
     * UserManager#isActive}), every session ends and every grant is revoked.
     */
    @Transactional
    public void setActive(String userId, boolean active, String channel) {
        ApplicationUser user = existing(userId);
        if (user.isEnabled() == active) {
            return;
        }
        if (!active) {
            requireNotLastAdministrator(user);
        }
        userManager.updateSecurity(userId, current -> current.setEnabled(active));
        if (!active) {
            endSessionsAndGrants(userId);
        }
        audit.record(AuditEvent.of(active ? AuditEventType.USER_ENABLED : AuditEventType.USER_DISABLED)
                .user(user)
                .method(channel));
    }

    /** Ends a lockout at once. */
    @Transactional
    public void unlock(String userId, String channel) {
        ApplicationUser user = existing(userId);
        userManager.unlock(userId);
        audit.record(AuditEvent.of(AuditEventType.USER_UNLOCKED).user(user).method(channel));
    }

    /** Gives the user exactly these roles (names as stored); unknown role names are refused. */
    @Transactional
    public void setRoles(String userId, Set<String> roleNames, String channel) {
        ApplicationUser user = existing(userId);
        Set<String> current = userManager.getRoleNames(user);
        Set<String> wanted = normalized(roleNames);
        Set<String> added = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        for (String name : roleNames) {
            if (!normalized(current).contains(LookupNormalizer.normalizeName(name))) {
                added.add(name);
            }
        }
        for (String name : current) {
            if (!wanted.contains(LookupNormalizer.normalizeName(name))) {
                removed.add(name);
            }
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        if (normalized(removed).contains(IdentityRole.ADMIN)) {
            requireNotLastAdministrator(user);
        }
        added.forEach(name -> userManager.addToRole(user, name));
        removed.forEach(name -> userManager.removeFromRole(user, name));
        audit.record(AuditEvent.of(AuditEventType.USER_ROLES_CHANGED)
                .user(user)
                .method(channel)
                .detail("added: " + added + ", removed: " + removed));
    }

    /** Deletes the user as the account deletion does: every session ends, every grant is revoked, then the user. */
    @Transactional
    public void delete(String userId, String channel) {
        ApplicationUser user = existing(userId);
        requireNotLastAdministrator(user);
        endSessionsAndGrants(userId);
        userManager.delete(userId);
        audit.record(AuditEvent.of(AuditEventType.USER_DELETED).user(user).method(channel));
    }

    private ApplicationUser existing(String userId) {
        return userManager
                .findById(userId)
                .orElseThrow(() -> new IdentityException("UserNotFound", "No user with id " + userId + "."));
    }

    /** Without a request (the command line) the sessions end at their next security-stamp check instead. */
    private void endSessionsAndGrants(String userId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            HttpServletRequest request = current.getRequest();
            sessions.endAll(userId, request);
        }
        grants.revokeAll(userId);
    }

    private void requireNotLastAdministrator(ApplicationUser user) {
        boolean administrator = normalized(userManager.getRoleNames(user)).contains(IdentityRole.ADMIN);
        if (administrator && user.isEnabled() && userManager.lockEnabledInRole(IdentityRole.ADMIN) <= 1) {
            throw new IdentityException(
                    "LastAdministrator", "This is the last enabled administrator: add another one first.");
        }
    }

    private static Set<String> normalized(Set<String> names) {
        return names.stream().map(LookupNormalizer::normalizeName).collect(Collectors.toSet());
    }
}
