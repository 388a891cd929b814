package com.example.authserver.admin.clients;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.clients.ClientDeletion;
import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.ClientSecretRotation;
import com.example.authserver.clients.SeededClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes an administrator makes to clients in the console, each recorded in the audit trail (method
 * {@value #CHANNEL}). Clients written again at every start ({@link SeededClients}) are refused here: see
 * {@link ClientController} for why they are read-only.
 */
@Component
class ClientAdministration {

    static final String CHANNEL = "console";

    /** A new secret, seen once, and the client it belongs to. */
    record NewSecret(RegisteredClient client, String secret, Instant previousSecretEnds) {}

    /** Thrown for a change to a client the configuration owns. */
    static final class SeededClientException extends RuntimeException {
        SeededClientException(String clientId) {
            super("client " + clientId + " is written again at every start");
        }
    }

    private final RegisteredClientRepository clients;

    private final ClientSecretRotation rotation;

    private final ClientSecretHashing hashing;

    private final ClientDeletion deletion;

    private final SeededClients seeded;

    private final AuditTrail audit;

    private final Clock clock;

    ClientAdministration(
            RegisteredClientRepository clients,
            ClientSecretRotation rotation,
            ClientSecretHashing hashing,
            ClientDeletion deletion,
            SeededClients seeded,
            AuditTrail audit,
            Clock clock) {
        this.clients = clients;
        this.rotation = rotation;
        this.hashing = hashing;
        this.deletion = deletion;
        this.seeded = seeded;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<RegisteredClient> find(String id) {
        return Optional.ofNullable(id == null ? null : clients.findById(id));
    }

    boolean exists(String clientId) {
        return clients.findByClientId(clientId.strip()) != null;
    }

    boolean isSeeded(RegisteredClient client) {
        return seeded.isSeeded(client);
    }

    /** Creates the client; a confidential one gets a generated secret, returned here and never again. */
    @Transactional
    NewSecret create(ClientForm form) {
        String secret = form.isPublicClient() ? null : ClientSecretRotation.generate();
        RegisteredClient client = form.newClient(secret == null ? null : hashing.encode(secret), clock.instant());
        clients.save(client);
        audit.record(AuditEvent.of(AuditEventType.CLIENT_CREATED)
                .client(client.getClientId())
                .method(CHANNEL)
                .detail("grant types " + form.grantTypeSet() + ", scopes " + client.getScopes()));
        return new NewSecret(client, secret, null);
    }

    /** Saves the form's changes unless the client changed since the form was read ({@code form.getStamp()}). */
    @Transactional
    RegisteredClient update(RegisteredClient client, ClientForm form) {
        refuseSeeded(client);
        RegisteredClient current = clients.findById(client.getId());
        if (current == null || !ClientForm.stampOf(current).equals(form.getStamp())) {
            throw new ObjectOptimisticLockingFailureException(RegisteredClient.class, client.getId());
        }
        RegisteredClient updated = form.applyTo(current);
        clients.save(updated);
        audit.record(AuditEvent.of(AuditEventType.CLIENT_UPDATED)
                .client(updated.getClientId())
                .method(CHANNEL)
                .detail("grant types " + form.grantTypeSet() + ", scopes " + updated.getScopes()));
        return updated;
    }

    /** A new secret; the one it replaces keeps working for {@code overlap} (zero: it stops now). */
    @Transactional
    NewSecret rotate(RegisteredClient client, Duration overlap) {
        refuseSeeded(client);
        Instant overlapEnd = clock.instant().plus(overlap);
        String secret = rotation.rotate(client, overlapEnd);
        audit.record(AuditEvent.of(AuditEventType.CLIENT_SECRET_ROTATED)
                .client(client.getClientId())
                .method(CHANNEL)
                .detail(overlap.isZero() ? "previous secret ended now" : "previous secret valid until " + overlapEnd));
        return new NewSecret(clients.findById(client.getId()), secret, overlap.isZero() ? null : overlapEnd);
    }

    /** Deletes the client with its grants and consents: its tokens stop working at once. */
    @Transactional
    void delete(RegisteredClient client) {
        refuseSeeded(client);
        deletion.delete(client);
        audit.record(AuditEvent.of(AuditEventType.CLIENT_DELETED)
                .client(client.getClientId())
                .method(CHANNEL));
    }

    private void refuseSeeded(RegisteredClient client) {
        if (seeded.isSeeded(client)) {
            throw new SeededClientException(client.getClientId());
        }
    }
}
