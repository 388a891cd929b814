package com.example.authserver.account.manage;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserLogin;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.RecentSignIn;
import com.example.authserver.security.SignedInUsers;
import com.example.authserver.twofactor.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Confirm it is you": before a change that needs a recent sign-in ({@link RecentSignIn}), the signed-in user enters
 * the password again, or, without a password, a code from the authenticator app, or else signs in again through a
 * linked provider (external/ExternalLoginsController). Wrong passwords and codes count towards lockout and the rate
 * limits like at sign-in. Then the user goes back to the page of the change ({@code continue}), and only there.
 */
@Controller
class ReauthenticateController {

    static final String VIEW = "account/reauthenticate";

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final TwoFactor twoFactor;

    private final SignedInUsers signedInUsers;

    private final RecentSignIn recentSignIn;

    ReauthenticateController(
            UserManager userManager,
            UserLogins userLogins,
            TwoFactor twoFactor,
            SignedInUsers signedInUsers,
            RecentSignIn recentSignIn) {
        this.recentSignIn = recentSignIn;
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.twoFactor = twoFactor;
        this.signedInUsers = signedInUsers;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(RecentSignIn.PAGE)
    String page(
            Authentication authentication,
            @RequestParam(name = "continue", required = false) String next,
            @RequestParam(required = false) String failed,
            Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        if (failed != null) {
            model.addAttribute("error", "reauthenticate.error.provider");
        }
        return show(user, next, model);
    }

    @PostMapping(RecentSignIn.PAGE)
    String confirm(
            Authentication authentication,
            @RequestParam(name = "continue", required = false) String next,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        String proof = proofOf(user);
        String error = switch (proof) {
            case "password" -> checkPassword(user, password);
            case "code" -> checkCode(user, code);
            default -> "reauthenticate.error.provider";
        };
        if (error != null) {
            model.addAttribute("error", error);
            return show(user, next, model);
        }
        String factor = "password".equals(proof) ? FactorGrantedAuthority.PASSWORD_AUTHORITY : TwoFactor.FACTOR;
        signedInUsers.reauthenticated(authentication, factor, request, response);
        // back to the page of the change, never anywhere else (no open redirect)
        return "redirect:" + recentSignIn.returnTo(next);
    }

    private String checkPassword(ApplicationUser user, String password) {
        PasswordCheckResult result = userManager.checkPassword(user.getId(), password == null ? "" : password);
        if (result == PasswordCheckResult.LOCKED_OUT) {
            return "reauthenticate.error.locked";
        }
        return result == PasswordCheckResult.SUCCESS ? null : "reauthenticate.error.password";
    }

    private String checkCode(ApplicationUser user, String code) {
        TwoFactor.Outcome outcome = twoFactor.verify(user.getId(), code);
        if (outcome == TwoFactor.Outcome.LOCKED_OUT) {
            return "reauthenticate.error.locked";
        }
        return outcome == TwoFactor.Outcome.SUCCEEDED ? null : "reauthenticate.error.code";
    }

    /** What the user proves it is them with: {@code password}, {@code code} or {@code provider}. */
    private static String proofOf(ApplicationUser user) {
        if (user.getPasswordHash() != null) {
            return "password";
        }
        return user.isTwoFactorEnabled() ? "code" : "provider";
    }

    private String show(ApplicationUser user, String next, Model model) {
        List<UserLogin> logins = userLogins.getLogins(user);
        model.addAttribute("proof", proofOf(user));
        model.addAttribute("logins", logins);
        model.addAttribute("continueTo", recentSignIn.returnTo(next));
        return VIEW;
    }
}
