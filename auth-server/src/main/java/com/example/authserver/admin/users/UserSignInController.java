package com.example.authserver.admin.users;

import com.example.authserver.administration.UserCredentialsAdministration;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a user signs in, changed by an administrator: require a new password at the next sign-in, send a password-reset
 * link, reset the authenticator, remove a passkey or an external login (administration/UserCredentialsAdministration).
 * A passkey or login that is not the user's is not found: a 404, and nothing happens.
 */
@Controller
class UserSignInController {

    private final UserPages pages;

    private final UserCredentialsAdministration credentials;

    private final IssuerProperties issuer;

    UserSignInController(UserPages pages, UserCredentialsAdministration credentials, IssuerProperties issuer) {
        this.pages = pages;
        this.credentials = credentials;
        this.issuer = issuer;
    }

    @PostMapping(UserPages.USER + "/require-password-change")
    String requirePasswordChange(@PathVariable String id, HttpServletRequest request, RedirectAttributes flash) {
        pages.require(id);
        credentials.requirePasswordChange(id, UserPages.CHANNEL, request);
        return done(id, "admin.users.done.passwordChangeRequired", flash);
    }

    @PostMapping(UserPages.USER + "/send-password-reset")
    String sendPasswordReset(@PathVariable String id, HttpServletRequest request, RedirectAttributes flash) {
        pages.require(id);
        if (!credentials.sendPasswordReset(id, LinkBase.of(request, issuer), UserPages.CHANNEL)) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.noEmail");
            return UserPages.redirectTo(id);
        }
        return done(id, "admin.users.done.passwordResetSent", flash);
    }

    @PostMapping(UserPages.USER + "/reset-authenticator")
    String resetAuthenticator(@PathVariable String id, RedirectAttributes flash) {
        pages.require(id);
        credentials.resetAuthenticator(id, UserPages.CHANNEL);
        return done(id, "admin.users.done.authenticatorReset", flash);
    }

    @PostMapping(UserPages.USER + "/passkeys/remove")
    String removePasskey(
            @PathVariable String id, @RequestParam(required = false) String passkey, RedirectAttributes flash) {
        pages.require(id);
        if (passkey == null || !credentials.removePasskey(id, passkey)) {
            throw UserPages.notFound();
        }
        return done(id, "admin.users.done.passkeyRemoved", flash);
    }

    @PostMapping(UserPages.USER + "/external-logins/remove")
    String removeExternalLogin(
            @PathVariable String id,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String key,
            RedirectAttributes flash) {
        pages.require(id);
        try {
            if (provider == null || key == null || !credentials.removeExternalLogin(id, provider, key)) {
                throw UserPages.notFound();
            }
        } catch (IdentityException ex) { // the user's last way to sign in
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem." + ex.getCode());
            return UserPages.redirectTo(id);
        }
        return done(id, "admin.users.done.externalLoginRemoved", flash);
    }

    private static String done(String id, String message, RedirectAttributes flash) {
        flash.addFlashAttribute(UserPages.DONE, message);
        return UserPages.redirectTo(id);
    }
}
