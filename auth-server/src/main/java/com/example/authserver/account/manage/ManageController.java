package com.example.authserver.account.manage;

import com.example.authserver.account.AccountPages;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.passkeys.Passkeys;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's account page: what is set, and a link to each manage page. */
@Controller
class ManageController {

    static final String VIEW = "account/manage";

    private final UserManager userManager;

    private final Passkeys passkeys;

    ManageController(UserManager userManager, Passkeys passkeys) {
        this.userManager = userManager;
        this.passkeys = passkeys;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(AccountPages.MANAGE)
    String manage(Authentication authentication, Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        model.addAttribute("user", user);
        model.addAttribute("hasPassword", user.getPasswordHash() != null);
        model.addAttribute("passkeyCount", passkeys.of(user.getId()).size());
        return VIEW;
    }
}
