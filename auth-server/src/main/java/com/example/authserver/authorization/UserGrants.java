package com.example.authserver.authorization;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a user allowed applications to do: their remembered consents, and the authorizations (codes, tokens)
 * issued to each application, with or without a remembered consent. Revoking an application deletes both, so its refresh tokens stop working and
 * introspection answers "inactive" for its access tokens (a JWT access token that an API checks by itself stays
 * valid until it expires: keep them short-lived). Deleting an account removes all of a user's.
 */
@Component
public class UserGrants {

    /** One application the user consented to, and the scopes they allowed. */
    public record Grant(String registeredClientId, String clientId, String clientName, List<String> scopes) {}

    private final JdbcOperations jdbc;

    private final RegisteredClientRepository clients;

    private final Clock clock;

    private final AuditTrail audit;

    UserGrants(JdbcOperations jdbc, RegisteredClientRepository clients, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * Every application that holds something of the user's: a remembered consent, or a live authorization (tokens
     * issued after a one-off consent, or without consent), with the scopes of both.
     */
    @Transactional(readOnly = true)
    public List<Grant> grantsOf(String userId) {
        Map<String, Set<String>> scopesByClient = new TreeMap<>();
        jdbc.query(
                "select registered_client_id, authorities from oauth2_authorization_consent where principal_name = ?",
                row -> {
                    scopesByClient
                            .computeIfAbsent(row.getString(1), id -> new LinkedHashSet<>())
                            .addAll(scopes(row.getString(2)));
                },
                userId);
        jdbc.query(
                "select registered_client_id, authorized_scopes from oauth2_authorization where principal_name = ?"
                        + " and (expires_at is null or expires_at > ?) and authorization_grant_type <> ?",
                row -> {
                    Set<String> scopes = scopesByClient.computeIfAbsent(row.getString(1), id -> new LinkedHashSet<>());
                    if (row.getString(2) != null) {
                        scopes.addAll(List.of(row.getString(2).split(" ")));
                    }
                },
                userId,
                Timestamp.from(clock.instant()),
                AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());
        List<Grant> grants = new ArrayList<>();
        scopesByClient.forEach((registeredClientId, scopes) -> {
            RegisteredClient client = clients.findById(registeredClientId);
            if (client != null) {
                grants.add(
                        new Grant(client.getId(), client.getClientId(), client.getClientName(), List.copyOf(scopes)));
            }
        });
        return grants;
    }

    /** Withdraws the consent to one application and ends every authorization it holds for the user. */
    @Transactional
    public boolean revoke(String userId, String registeredClientId) {
        int consents = jdbc.update(
                "delete from oauth2_authorization_consent where registered_client_id = ? " + "and principal_name = ?",
                registeredClientId,
                userId);
        int authorizations = jdbc.update(
                "delete from oauth2_authorization where registered_client_id = ? " + "and principal_name = ?",
                registeredClientId,
                userId);
        if (consents + authorizations == 0) {
            return false;
        }
        RegisteredClient client = clients.findById(registeredClientId);
        audit.record(AuditEvent.of(AuditEventType.CONSENT_REVOKED)
                .user(userId, null)
                .client(client == null ? registeredClientId : client.getClientId())
                .detail(authorizations + " authorization(s) ended"));
        return true;
    }

    /** Removes every consent and authorization of the user (one indexed delete per registered client). */
    @Transactional
    public void revokeAll(String userId) {
        for (String registeredClientId : jdbc.queryForList("select id from oauth2_registered_client", String.class)) {
            revoke(userId, registeredClientId);
        }
    }

    private static List<String> scopes(String authorities) {
        return Arrays.stream(authorities == null ? new String[0] : authorities.split(","))
                .map(String::strip)
                .filter(authority -> authority.startsWith("SCOPE_"))
                .map(authority -> authority.substring("SCOPE_".length()))
                .toList();
    }
}
