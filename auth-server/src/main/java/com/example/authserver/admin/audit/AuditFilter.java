package com.example.authserver.admin.audit;

import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The filters of the audit trail page as typed (kept, to show them again) and what they mean: a user (resolved by
 * name, or else taken as an id, so events of deleted users stay findable), a client id, an event type and a time
 * range in UTC ({@code 2026-12-06}, or {@code 2026-12-06T14:30} as a {@code datetime-local} field sends it; {@code to}
 * is exclusive). {@link #errors} holds a message key for each value that cannot be read.
 */
public record AuditFilter(String user, String client, String type, String from, String to, Map<String, String> errors) {

    private static final int MAX_LENGTH = 256;

    static AuditFilter of(String user, String client, String type, String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditFilter filter = new AuditFilter(clean(user), clean(client), clean(type), clean(from), clean(to), errors);
        if (filter.user.length() > MAX_LENGTH) {
            errors.put("user", "admin.audit.error.user");
        }
        if (filter.client.length() > MAX_LENGTH) {
            errors.put("client", "admin.audit.error.client");
        }
        if (!filter.type.isEmpty() && filter.eventType() == null) {
            errors.put("type", "admin.audit.error.type");
        }
        if (!filter.from.isEmpty() && instant(filter.from) == null) {
            errors.put("from", "admin.audit.error.time");
        }
        if (!filter.to.isEmpty() && instant(filter.to) == null) {
            errors.put("to", "admin.audit.error.time");
        }
        if (errors.isEmpty()
                && !filter.from.isEmpty()
                && !filter.to.isEmpty()
                && !instant(filter.from).isBefore(instant(filter.to))) {
            errors.put("to", "admin.audit.error.range");
        }
        return filter;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The query; {@code userIdOfName} finds the id of a user by name (empty: the text is taken as an id). */
    AuditQuery query(Function<String, String> userIdOfName) {
        String userId = user.isEmpty() ? null : userIdOfName.apply(user);
        return new AuditQuery(
                user.isEmpty() ? null : (userId != null ? userId : user),
                client.isEmpty() ? null : client,
                eventType(),
                from.isEmpty() ? null : instant(from),
                to.isEmpty() ? null : instant(to));
    }

    private AuditEventType eventType() {
        for (AuditEventType candidate : AuditEventType.values()) {
            if (candidate.name().equals(type)) {
                return candidate;
            }
        }
        return null;
    }

    private static Instant instant(String value) {
        try {
            return value.length() <= 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
