package com.example.authserver.account.confirmation;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.EmailForm;
import com.example.authserver.account.EmailRequestPage;
import com.example.authserver.account.Notice;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Email confirmation. The emailed link opens a page with a form: opening a link changes nothing, so mail scanners
 * that open links do not use it up. Confirming takes the account's password, or a sign-in through the provider the
 * account was made with ({@link EmailConfirmation}). The resend page answers alike for every address.
 */
@Controller
class EmailConfirmationController {

    static final String CONFIRM_VIEW = "account/confirm-email";

    private final EmailConfirmation confirmation;

    private final UserLogins userLogins;

    private final IssuerProperties issuer;

    EmailConfirmationController(EmailConfirmation confirmation, UserLogins userLogins, IssuerProperties issuer) {
        this.confirmation = confirmation;
        this.userLogins = userLogins;
        this.issuer = issuer;
    }

    @GetMapping(AccountPages.CONFIRM_EMAIL)
    String confirmPage(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String confirmed,
            Model model,
            HttpServletResponse response) {
        if (confirmed != null) {
            return Notice.show(model, Notice.EMAIL_CONFIRMED, "/login");
        }
        Optional<ApplicationUser> user = confirmation.userFor(token);
        if (user.isEmpty()) {
            return invalidLink(model, response);
        }
        return show(token, user.get(), model);
    }

    /** Confirms with the account's password (an account that has one). */
    @PostMapping(AccountPages.CONFIRM_EMAIL)
    String confirm(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletResponse response) {
        EmailConfirmation.Outcome outcome = confirmation.confirmWithPassword(token, password);
        if (outcome == EmailConfirmation.Outcome.CONFIRMED) {
            return "redirect:" + AccountPages.CONFIRM_EMAIL + "?confirmed";
        }
        Optional<ApplicationUser> user = confirmation.userFor(token);
        if (outcome == EmailConfirmation.Outcome.INVALID_LINK || user.isEmpty()) {
            return invalidLink(model, response);
        }
        model.addAttribute(
                "error",
                outcome == EmailConfirmation.Outcome.LOCKED_OUT
                        ? "account.confirm.error.locked"
                        : "account.confirm.error.password");
        return show(token, user.get(), model);
    }

    /** Confirms through the provider an account without a password was made with: it signs in there first. */
    @PostMapping(AccountPages.CONFIRM_EMAIL + "/provider")
    String confirmThroughProvider(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String provider,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        Optional<ApplicationUser> user = confirmation.userFor(token);
        if (user.isEmpty()
                || userLogins.getLogins(user.get()).stream()
                        .noneMatch(login -> login.getLoginProvider().equals(provider))) {
            return invalidLink(model, response);
        }
        confirmation.awaitProviderSignIn(token, request.getSession());
        return "redirect:/oauth2/authorization/" + provider;
    }

    private String show(String token, ApplicationUser user, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("userName", user.getUserName());
        model.addAttribute("withPassword", user.getPasswordHash() != null);
        model.addAttribute("logins", user.getPasswordHash() != null ? List.of() : userLogins.getLogins(user));
        return CONFIRM_VIEW;
    }

    @GetMapping(AccountPages.RESEND_CONFIRMATION)
    String resendPage(@RequestParam(required = false) String sent, Model model) {
        return EmailRequestPage.RESEND_CONFIRMATION.show(sent, model);
    }

    @PostMapping(AccountPages.RESEND_CONFIRMATION)
    String resend(
            @Valid @ModelAttribute(EmailRequestPage.FORM) EmailForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request) {
        return EmailRequestPage.RESEND_CONFIRMATION.submit(
                form, errors, model, email -> confirmation.resend(email, LinkBase.of(request, issuer)));
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        return Notice.invalidLink(model, response, Notice.CONFIRMATION_LINK_INVALID, AccountPages.RESEND_CONFIRMATION);
    }
}
