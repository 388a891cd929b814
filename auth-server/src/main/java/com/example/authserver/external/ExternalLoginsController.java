package com.example.authserver.external;

import com.example.authserver.account.AccountPages;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.UserLogin;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.RecentSignIn;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's external logins: the providers linked to the account, a button to link another (through
 * the provider and back, see {@link LinkRequest}) and one to remove a link, except the last way to sign in of a
 * user without a password (the page says why, and links to setting a password). Messages come back as
 * {@code ?added}, {@code ?removed}, {@code ?taken}, {@code ?last} and {@code ?failed=<outcome>}.
 */
@Controller
class ExternalLoginsController {

    static final String VIEW = "account/external-logins";

    private static final List<String> STATUSES = List.of("added", "removed");

    private static final List<String> ALERTS = List.of("taken", "last");

    private static final Set<String> FAILURES = Set.of("denied", "unavailable", "failed");

    private final UserLogins userLogins;

    private final UserManager userManager;

    private final ExternalProviders providers;

    private final SignedInUsers signedInUsers;

    private final RecentSignIn recentSignIn;

    private final Clock clock;

    ExternalLoginsController(
            UserLogins userLogins,
            UserManager userManager,
            ExternalProviders providers,
            SignedInUsers signedInUsers,
            RecentSignIn recentSignIn,
            Clock clock) {
        this.signedInUsers = signedInUsers;
        this.recentSignIn = recentSignIn;
        this.clock = clock;
        this.userLogins = userLogins;
        this.userManager = userManager;
        this.providers = providers;
    }

    /** {@code authentication}'s name is the user id. */
    @GetMapping(AccountPages.EXTERNAL_LOGINS)
    String page(
            Authentication authentication,
            @RequestParam(required = false) String failed,
            HttpServletRequest request,
            Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        List<UserLogin> logins = userLogins.getLogins(user);
        Set<String> linked = logins.stream().map(UserLogin::getLoginProvider).collect(Collectors.toSet());
        model.addAttribute("logins", logins);
        model.addAttribute("canRemove", userLogins.canRemoveLogin(user));
        model.addAttribute("hasPassword", user.getPasswordHash() != null);
        model.addAttribute(
                "available",
                providers.buttons().stream()
                        .filter(button -> !linked.contains(button.id()))
                        .toList());
        STATUSES.stream()
                .filter(name -> request.getParameter(name) != null)
                .findFirst()
                .ifPresent(name -> model.addAttribute("statusKey", "account.externalLogins.status." + name));
        ALERTS.stream()
                .filter(name -> request.getParameter(name) != null)
                .findFirst()
                .ifPresent(name -> model.addAttribute("alertKey", "account.externalLogins.alert." + name));
        if (failed != null) {
            model.addAttribute(
                    "alertKey",
                    "account.externalLogins.alert.failed." + (FAILURES.contains(failed) ? failed : "failed"));
        }
        return VIEW;
    }

    /** Goes to the provider; its answer comes back to {@link ExternalSignIn}, which links the account. */
    @PostMapping(AccountPages.EXTERNAL_LOGINS + "/add")
    String add(
            Authentication authentication,
            @RequestParam(required = false) String provider,
            HttpServletRequest request) {
        if (!providers.contains(provider)) {
            return "redirect:" + AccountPages.EXTERNAL_LOGINS + "?failed=failed";
        }
        new LinkRequest(provider, authentication, clock.instant()).keepIn(request.getSession());
        return "redirect:/oauth2/authorization/" + provider;
    }

    /**
     * Signs in again through a linked provider, for a change that needs a recent sign-in (account/RecentSignIn); back
     * at {@link ExternalSignIn}, which then sends the user on to {@code continue}.
     */
    @PostMapping(AccountPages.EXTERNAL_LOGINS + "/reauthenticate")
    String reauthenticate(
            Authentication authentication,
            @RequestParam(required = false) String provider,
            @RequestParam(name = "continue", required = false) String next,
            HttpServletRequest request) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        boolean linked = userLogins.getLogins(user).stream()
                .anyMatch(login -> login.getLoginProvider().equals(provider));
        if (!linked || !providers.contains(provider)) {
            return "redirect:" + RecentSignIn.PAGE + "?failed";
        }
        new LinkRequest(provider, authentication, recentSignIn.returnTo(next), clock.instant())
                .keepIn(request.getSession());
        return "redirect:/oauth2/authorization/" + provider;
    }

    @PostMapping(AccountPages.EXTERNAL_LOGINS + "/remove")
    String remove(
            Authentication authentication,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String key,
            HttpServletRequest request,
            HttpServletResponse response) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        try {
            boolean removed = provider != null && key != null && userLogins.removeLogin(user, provider, key);
            if (removed) { // the stamp is new: this session goes on with it, the user's other sessions end
                signedInUsers.refresh(user.getId(), request, response);
            }
            return "redirect:" + AccountPages.EXTERNAL_LOGINS + (removed ? "?removed" : "");
        } catch (IdentityException ex) { // LastLogin: the page explains it already; say it again
            return "redirect:" + AccountPages.EXTERNAL_LOGINS + "?last";
        }
    }
}
