package com.example.authserver.admin;

import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.twofactor.TwoFactorPages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's home page: how many users, roles, clients and signing keys there are, and the latest events of the
 * audit trail. And the page an administrator without a second factor in the sign-in is sent to
 * ({@link AdminAccessFilter}).
 */
@Controller
class ConsoleHomeController {

    static final String HOME_VIEW = "admin/home";

    static final String SECOND_FACTOR_VIEW = "admin/second-factor";

    static final int LATEST_EVENTS = 10;

    private final ConsoleCounts counts;

    private final AuditTrail auditTrail;

    private final UserManager userManager;

    private final AdminProperties properties;

    ConsoleHomeController(
            ConsoleCounts counts, AuditTrail auditTrail, UserManager userManager, AdminProperties properties) {
        this.counts = counts;
        this.auditTrail = auditTrail;
        this.userManager = userManager;
        this.properties = properties;
    }

    @GetMapping(AdminPages.HOME)
    String home(Model model) {
        model.addAttribute("counts", counts.now());
        model.addAttribute(
                "events",
                auditTrail
                        .search(new AuditQuery(null, null, null, null, null), 0, LATEST_EVENTS)
                        .events());
        return HOME_VIEW;
    }

    /**
     * Says what to do: turn two-factor sign-in on first, or, when it is on (the session is older, or came through a
     * way without the second step), sign in again with it. Answered with 403: the console itself stays closed.
     */
    @GetMapping(AdminPages.SECOND_FACTOR)
    String secondFactor(Authentication authentication, Model model, HttpServletResponse response) {
        if (!properties.isRequireSecondFactor() || AdminAccessFilter.hasSecondFactor(authentication)) {
            return "redirect:" + AdminPages.HOME;
        }
        boolean enrolled = userManager
                .findById(authentication.getName())
                .map(ApplicationUser::isTwoFactorEnabled)
                .orElse(false);
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("twoFactorPage", TwoFactorPages.TWO_FACTOR);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return SECOND_FACTOR_VIEW;
    }
}
