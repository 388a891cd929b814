package com.example.authserver.account.manage;

import com.example.authserver.account.AccountPages;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.passkeys.Passkeys;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in user's account page: what is set, a link to each manage page, and the account's recent security
 * activity from the audit trail (sign-ins, failed attempts, changes, an administrator's changes), so that someone
 * else's use of the account shows.
 */
@Controller
class ManageController {

    static final String VIEW = "account/manage";

    private final UserManager userManager;

    private final Passkeys passkeys;

    private final AuditTrail audit;

    /** How many of the latest events the page lists. */
    static final int ACTIVITY = 10;

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One event as the page shows it; {@code by}: who made it, when not the user. */
    record Activity(String when, String type, String method, String address, String by) {}

    ManageController(UserManager userManager, Passkeys passkeys, AuditTrail audit) {
        this.userManager = userManager;
        this.passkeys = passkeys;
        this.audit = audit;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(AccountPages.MANAGE)
    String manage(Authentication authentication, Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("hasPassword", user.getPasswordHash() != null);
        model.addAttribute("passkeyCount", passkeys.of(user.getId()).size());
        model.addAttribute(
                "activity",
                audit.recentFor(user.getId(), ACTIVITY).stream()
                        .map(event -> new Activity(
                                SHOWN.format(event.time()),
                                "audit.type." + event.type().name(),
                                event.method(),
                                event.ipAddress(),
                                user.getUserName().equals(event.actor()) ? null : event.actor()))
                        .toList());
        return VIEW;
    }
}
