package com.example.authserver.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. The form posts to {@code /login}, where Spring Security's form login filter
 * checks the password; this controller only renders the page and the notice for
 * {@code ?error}, {@code ?locked}, {@code ?expired} (the second step of a sign-in came too late) and
 * {@code ?logout}, and for {@code ?external=denied|unavailable|failed} after sign-in through an upstream provider
 * did not work ({@code external/ExternalSignIn}). The user name field is filled with the {@code login_hint} of the
 * authorization request the sign-in is for, if it has one.
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

    /** Longer than any user name or email address; a longer hint is cut, not shown whole. */
    static final int MAX_LOGIN_HINT = 256;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String external,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("loginHint", loginHint(request, response));
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

    /** The saved authorization request's {@code login_hint} (Thymeleaf escapes it in the page), or null. */
    private String loginHint(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            return null;
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        String[] hints = saved == null ? null : saved.getParameterValues("login_hint");
        if (hints == null || hints.length == 0 || hints[0].isBlank()) {
            return null;
        }
        return hints[0].length() > MAX_LOGIN_HINT ? hints[0].substring(0, MAX_LOGIN_HINT) : hints[0];
    }
}
