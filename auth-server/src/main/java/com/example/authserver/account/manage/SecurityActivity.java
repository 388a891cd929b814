package com.example.authserver.account.manage;

import com.example.authserver.administration.UserAdministration;
import com.example.authserver.audit.AuditEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * One audit event as its user sees it (the account page, the personal-data download). A change an administrator made
 * (console, SCIM, command) says so without naming the administrator or their address: those are the administrators'
 * business, and stay in the trail for them.
 *
 * @param by who made the change, when not the user: a client id, or {@link #ADMINISTRATOR}
 */
public record SecurityActivity(String when, String type, String method, String address, String by) {

    /** What {@code by} holds for an administrator's change (the page says manage.activity.byAdministrator). */
    public static final String ADMINISTRATOR = "administrator";

    private static final Set<String> ADMINISTRATION =
            Set.of(UserAdministration.CONSOLE, UserAdministration.SCIM, UserAdministration.COMMAND);

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static SecurityActivity of(AuditEvent event, String userName) {
        boolean administrator = event.method() != null && ADMINISTRATION.contains(event.method());
        String by = administrator
                ? ADMINISTRATOR
                : event.actor() == null || event.actor().equals(userName) ? null : event.actor();
        return new SecurityActivity(
                SHOWN.format(event.time()),
                "audit.type." + event.type().name(),
                event.method(),
                administrator ? null : event.ipAddress(),
                by);
    }

    public boolean byAdministrator() {
        return ADMINISTRATOR.equals(by);
    }
}
