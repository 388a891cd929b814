package com.example.authserver.pages;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. The form posts to {@code /login}, where Spring Security's form login filter
 * checks the password; this controller only renders the page and the notice for
 * {@code ?error}, {@code ?locked}, {@code ?expired} (the second step of a sign-in came too late) and
 * {@code ?logout}, and for {@code ?external=denied|unavailable|failed} after sign-in through an upstream provider
 * did not work ({@code external/ExternalSignIn}).
 */
@Controller
class LoginController {

    static final String VIEW = "login";

    static final Map<String, String> EXTERNAL_ALERTS = Map.of(
            "denied",
            "login.external.denied",
            "unavailable",
            "login.external.unavailable",
            "failed",
            "login.external.failed");

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String external,
            Model model) {
        if (external != null) {
            model.addAttribute("alertKey", EXTERNAL_ALERTS.getOrDefault(external, "login.external.failed"));
        } else if (locked != null) {
            model.addAttribute("alertKey", "login.locked");
        } else if (error != null) {
            // The same words for an unknown user, a wrong password and a disabled account.
            model.addAttribute("alertKey", "login.error");
        } else if (expired != null) {
            model.addAttribute("alertKey", "login.expired");
        } else if (logout != null) {
            model.addAttribute("statusKey", "login.loggedOut");
        }
        return VIEW;
    }
}
