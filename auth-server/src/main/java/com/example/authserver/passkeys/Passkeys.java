package com.example.authserver.passkeys;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's passkeys, by user id: the WebAuthn user entity named by the id holds them ({@link NamedAccounts}).
 * Removing one renews the user's security stamp ({@link UserManager#updateSecurity}), so the user's other sessions
 * end. New passkeys are registered through Spring Security's endpoints ({@link PasskeySignIn}).
 */
@Service
public class Passkeys {

    /** What the manage page shows of a passkey; {@code id} is the credential id, base64url. */
    public record Passkey(String id, String label, Instant created, Instant lastUsed) {}

    private final PublicKeyCredentialUserEntityRepository userEntities;

    private final UserCredentialRepository credentials;

    private final UserManager userManager;

    private final AuditTrail audit;

    Passkeys(
            PublicKeyCredentialUserEntityRepository userEntities,
            UserCredentialRepository credentials,
            UserManager userManager,
            AuditTrail audit) {
        this.audit = audit;
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.userManager = userManager;
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<Passkey> of(String userId) {
        return records(userId).stream()
                .map(record -> new Passkey(
                        record.getCredentialId().toBase64UrlString(),
                        record.getLabel(),
                        record.getCreated(),
                        record.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::created))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean has(String userId) {
        return !records(userId).isEmpty();
    }

    /** Removes the passkey if it is one of the user's; false if it is not (or no longer there). */
    @Transactional
    public boolean remove(String userId, String credentialId) {
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        boolean owned = records(userId).stream()
                .anyMatch(record -> record.getCredentialId().equals(id));
        if (owned) {
            credentials.delete(id);
            ApplicationUser user = userManager.updateSecurity(userId, current -> {});
            audit.record(AuditEvent.of(AuditEventType.PASSKEY_REMOVED).user(user));
        }
        return owned;
    }

    /** Removes every passkey of the user; the caller renews the security stamp. */
    @Transactional
    public void removeAll(String userId) {
        records(userId).forEach(record -> credentials.delete(record.getCredentialId()));
    }

    private List<CredentialRecord> records(String userId) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(userId);
        return entity == null ? List.of() : credentials.findByUserId(entity.getId());
    }
}
