package com.example.authserver.audit;

import com.example.authserver.identity.UserManager;
import com.example.authserver.system.PrintableText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records security events ({@code audit_events}): each one is written (within the caller's transaction, if any: a
 * change that rolls back leaves no event), then published as a Spring application event ({@link AuditEvent}) and
 * logged as one line on the logger {@code authforge.audit} with key-value pairs (with Spring Boot's structured
 * logging, {@code logging.structured.format.console: ecs}, they become JSON fields a SIEM reads). Values longer than
 * their column are shortened, never refused: an event is never lost to a long user name.
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger("authforge.audit");

    /**
     * The request attribute naming the channel ({@code console}, ...) of the changes a request makes: an event recorded
     * without a method deep in the stores (a passkey removed, a grant revoked) takes it, so that what an administrator
     * did is told apart from what the user did.
     */
    public static final String CHANNEL_ATTRIBUTE = AuditTrail.class.getName() + ".CHANNEL";

    private static final String COLUMNS =
            "occurred_at, event_type, user_id, user_name, actor, client_id, method, detail, ip_address";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final UserManager userManager;

    private final ApplicationEventPublisher events;

    AuditTrail(JdbcClient jdbc, Clock clock, UserManager userManager, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.userManager = userManager;
        this.events = events;
    }

    /** Records the event; the time, the client's address and the actor are filled in when the event has none. */
    public void record(AuditEvent event) {
        if (event.userId() != null && event.userName() == null) {
            event = event.user(
                    event.userId(),
                    userManager
                            .findById(event.userId())
                            .map(user -> user.getUserName())
                            .orElse(null));
        }
        AuditEvent complete = event.at(
                        event.time() != null ? event.time() : clock.instant(),
                        event.ipAddress() != null ? event.ipAddress() : currentAddress())
                .actor(event.actor() != null ? event.actor() : currentActor())
                .method(event.method() != null ? event.method() : currentChannel());
        jdbc.sql("insert into audit_events (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(complete.time()),
                        complete.type().name(),
                        PrintableText.cut(complete.userId(), 36),
                        PrintableText.cut(complete.userName(), 256),
                        PrintableText.cut(complete.actor(), 256),
                        PrintableText.cut(complete.clientId(), 200),
                        PrintableText.cut(complete.method(), 32),
                        PrintableText.cut(complete.detail(), 1000),
                        PrintableText.cut(complete.ipAddress(), 64))
                .update();
        events.publishEvent(complete);
        logged(complete);
    }

    /** The events matching the query, newest first. */
    public AuditPage search(AuditQuery query, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.userId() != null) {
            where.add("user_id = ?");
            params.add(query.userId());
        }
        if (query.clientId() != null) {
            where.add("client_id = ?");
            params.add(query.clientId());
        }
        if (query.type() != null) {
            where.add("event_type = ?");
            params.add(query.type().name());
        }
        if (query.from() != null) {
            where.add("occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        int safePage = Math.max(page, 0);
        int safeSize = Math.max(1, Math.min(size, 500));
        // one row more than the page tells whether there is a next page, without counting them all
        List<AuditEvent> found = jdbc.sql("select " + COLUMNS + " from audit_events"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by occurred_at desc, id desc limit " + (safeSize + 1) + " offset "
                        + (long) safePage * safeSize)
                .params(params)
                .query(AuditTrail::event)
                .list();
        boolean hasNext = found.size() > safeSize;
        return new AuditPage(hasNext ? found.subList(0, safeSize) : found, safePage, safeSize, hasNext);
    }

    /** The user's latest events, newest first (their own security activity, on the manage pages). */
    public List<AuditEvent> recentFor(String userId, int limit) {
        return search(new AuditQuery(userId, null, null, null, null), 0, limit).events();
    }

    /** Deletes the events older than the given time; returns how many. */
    int deleteOlderThan(Instant time) {
        return jdbc.sql("delete from audit_events where occurred_at < ?")
                .param(Timestamp.from(time))
                .update();
    }

    private static AuditEvent event(ResultSet row, int number) throws SQLException {
        return new AuditEvent(
                row.getTimestamp("occurred_at").toInstant(),
                AuditEventType.valueOf(row.getString("event_type")),
                row.getString("user_id"),
                row.getString("user_name"),
                row.getString("actor"),
                row.getString("client_id"),
                row.getString("method"),
                row.getString("detail"),
                row.getString("ip_address"));
    }

    private static void logged(AuditEvent event) {
        LoggingEventBuilder line =
                log.atInfo().addKeyValue("event", event.type().name());
        StringBuilder message = new StringBuilder("audit ").append(event.type().name());
        add(line, message, "user_id", event.userId());
        add(line, message, "user_name", event.userName());
        add(line, message, "actor", event.actor());
        add(line, message, "client_id", event.clientId());
        add(line, message, "method", event.method());
        add(line, message, "detail", event.detail());
        add(line, message, "ip", event.ipAddress());
        line.log(message.toString());
    }

    private static void add(LoggingEventBuilder line, StringBuilder message, String key, String value) {
        if (value != null) {
            String printable = PrintableText.of(value);
            line.addKeyValue(key, printable);
            message.append(' ')
                    .append(key)
                    .append("=\"")
                    .append(printable.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
    }

    private static String currentChannel() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                        && current.getRequest().getAttribute(CHANNEL_ATTRIBUTE) instanceof String channel
                ? channel
                : null;
    }

    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                ? current.getRequest().getRemoteAddr()
                : null;
    }

    /** The signed-in user's name, or the name of a token's subject (a client id for client credentials). */
    private String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        String name = authentication.getName();
        return userManager.findById(name).map(user -> user.getUserName()).orElse(name);
    }
}
