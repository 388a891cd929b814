package com.example.authserver.audit;

import java.time.Instant;

/** Which events to list: each part that is not null narrows the search; {@code to} is exclusive. */
public record AuditQuery(String userId, String clientId, AuditEventType type, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
