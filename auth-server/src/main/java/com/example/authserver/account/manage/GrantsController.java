package com.example.authserver.account.manage;

import com.example.authserver.account.AccountPages;
import com.example.authserver.authorization.UserGrants;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applications the signed-in user allowed, with what they may see and do; revoking one withdraws the consent
 * and ends its tokens ({@link UserGrants}).
 */
@Controller
class GrantsController {

    static final String VIEW = "account/grants";

    private final UserGrants grants;

    GrantsController(UserGrants grants) {
        this.grants = grants;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(AccountPages.GRANTS)
    String list(Authentication authentication, @RequestParam(required = false) String revoked, Model model) {
        model.addAttribute("grants", grants.grantsOf(authentication.getName()));
        model.addAttribute("revoked", revoked != null);
        return VIEW;
    }

    @PostMapping(AccountPages.GRANTS + "/revoke")
    String revoke(Authentication authentication, @RequestParam(required = false) String client) {
        if (client != null) {
            grants.revoke(authentication.getName(), client);
        }
        return "redirect:" + AccountPages.GRANTS + "?revoked";
    }
}
