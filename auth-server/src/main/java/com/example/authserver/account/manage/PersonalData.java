package com.example.authserver.account.manage;

import com.example.authserver.audit.AuditTrail;
import com.example.authserver.authorization.UserGrants;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the server keeps about a user, as the JSON document the personal data page lets them download
 * (GDPR's right of access): every property of {@link ApplicationUser} (those you add included) except the
 * secrets (password hash, security stamp), roles, claims, external logins, the applications they allowed, and
 * which two-factor secrets exist (never their values).
 */
@Component
class PersonalData {

    private static final Set<String> NOT_PERSONAL_DATA =
            Set.of("passwordHash", "securityStamp", "concurrencyStamp", "normalizedUserName", "normalizedEmail");

    private final UserManager userManager;

    private final UserGrants grants;

    private final JdbcOperations jdbc;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    /** The latest audit events of the user the download holds (the trail's largest page). */
    static final int ACTIVITY_LIMIT = 500;

    private final AuditTrail audit;

    PersonalData(UserManager userManager, UserGrants grants, JdbcOperations jdbc, AuditTrail audit) {
        this.audit = audit;
        this.userManager = userManager;
        this.grants = grants;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    String asJson(String userId) {
        ApplicationUser user = userManager.findById(userId).orElseThrow();
        Map<String, Object> document = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = json.convertValue(user, Map.class);
        properties.keySet().removeAll(NOT_PERSONAL_DATA);
        document.put("user", properties);
        document.put("roles", userManager.getRoleNames(user));
        document.put(
                "claims",
                userManager.getClaims(user).stream()
                        .map(claim -> Map.of("type", claim.getClaimType(), "value", claim.getClaimValue()))
                        .toList());
        document.put(
                "externalLogins",
                jdbc.queryForList(
                        "select login_provider as provider, provider_key as "
                                + "subject, provider_display_name as display_name from user_logins where user_id = ?",
                        userId));
        document.put(
                "storedSecrets",
                jdbc.queryForList(
                        "select name from user_tokens where user_id = ? order by name", String.class, userId));
        document.put(
                "passkeys",
                jdbc.queryForList(
                        "select c.label, c.created, c.last_used from user_credentials c "
                                + "join user_entities e on e.id = c.user_entity_user_id where e.name = ? order by c.created",
                        userId));
        document.put(
                "allowedApplications",
                grants.grantsOf(userId).stream()
                        .map(grant -> Map.of(
                                "clientId", grant.clientId(), "name", grant.clientName(), "scopes", grant.scopes()))
                        .toList());
        // what the audit trail keeps about the user (within its retention): where and when they signed in
        document.put(
                "securityActivity",
                audit.recentFor(userId, ACTIVITY_LIMIT).stream()
                        .map(event -> {
                            SecurityActivity shown = SecurityActivity.of(event, user.getUserName());
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("time", event.time().toString());
                            entry.put("event", event.type().name());
                            entry.put("method", event.method());
                            entry.put("client", event.clientId());
                            entry.put("address", shown.address());
                            entry.put("by", shown.by());
                            return entry;
                        })
                        .toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** The user and everything that hangs on them: roles, claims, logins, tokens, consents and authorizations. */
    @Transactional
    void deleteAccount(String userId) {
        grants.revokeAll(userId);
        userManager.delete(userId);
    }
}
