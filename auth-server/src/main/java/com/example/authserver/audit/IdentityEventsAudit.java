package com.example.authserver.audit;

import com.example.authserver.identity.ExternalLoginRemoved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Changes the identity store announces as events (it cannot call the audit trail, which depends on it): recorded
 * once the change is committed.
 */
@Component
class IdentityEventsAudit {

    private final AuditTrail audit;

    IdentityEventsAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void externalLoginRemoved(ExternalLoginRemoved event) {
        audit.record(AuditEvent.of(AuditEventType.EXTERNAL_LOGIN_REMOVED)
                .user(event.userId(), event.userName())
                .detail(event.loginProvider()));
    }
}
