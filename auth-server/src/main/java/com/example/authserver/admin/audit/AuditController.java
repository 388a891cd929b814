package com.example.authserver.admin.audit;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditPage;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail viewer of the console: the security events ({@link AuditTrail}), newest first, a page at a time,
 * filtered by user, client, event type and time. Filters that cannot be read come back with their errors and no
 * search is made.
 */
@Controller
class AuditController {

    static final String PATH = "/admin/audit";

    static final String VIEW = "admin/audit/events";

    private static final int PAGE_SIZE = 50;

    private static final int MAX_PAGE = 100_000;

    /** How times are shown: UTC, like the filters. */
    static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** An event as listed: its time as shown. */
    public record EventLine(String time, AuditEvent event) {}

    private final AuditTrail audit;

    private final UserManager users;

    AuditController(AuditTrail audit, UserManager users) {
        this.audit = audit;
        this.users = users;
    }

    @GetMapping(PATH)
    String events(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            Model model) {
        AuditFilter filter = AuditFilter.of(user, client, type, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("types", List.of(AuditEventType.values()));
        if (filter.isValid()) {
            AuditPage events = audit.search(
                    filter.query(name ->
                            users.findByName(name).map(ApplicationUser::getId).orElse(null)),
                    pageNumber(page),
                    PAGE_SIZE);
            model.addAttribute(
                    "events",
                    events.events().stream()
                            .map(event -> new EventLine(SHOWN.format(event.time()), event))
                            .toList());
            model.addAttribute("page", events.page());
            model.addAttribute("hasNext", events.hasNext());
        }
        return VIEW;
    }

    private static int pageNumber(String value) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(value == null ? "0" : value.strip()), MAX_PAGE));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
