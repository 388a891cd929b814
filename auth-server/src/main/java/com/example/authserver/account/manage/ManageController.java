package com.example.authserver.account.manage;

import com.example.authserver.account.AccountPages;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.passkeys.Passkeys;
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
                        .map(event -> SecurityActivity.of(event, user.getUserName()))
                        .toList());
        return VIEW;
    }
}
