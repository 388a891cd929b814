package com.example.authserver.account.email;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.AccountTokens;
import com.example.authserver.account.Notice;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.mail.SecurityNotices;
import com.example.authserver.security.SignedInUsers;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The email page of the signed-in user, and the link sent to a new address ({@link EmailChange}). Like the
 * confirmation link, the emailed link opens a page with a button: opening it changes nothing.
 */
@Controller
class EmailChangeController {

    static final String VIEW = "account/email";

    static final String CONFIRM_VIEW = "account/confirm-email-change";

    private final EmailChange emailChange;

    private final UserManager userManager;

    private final IssuerProperties issuer;

    private final SignedInUsers signedInUsers;

    private final SecurityNotices notices;

    EmailChangeController(
            EmailChange emailChange,
            UserManager userManager,
            IssuerProperties issuer,
            SignedInUsers signedInUsers,
            SecurityNotices notices) {
        this.notices = notices;
        this.emailChange = emailChange;
        this.userManager = userManager;
        this.issuer = issuer;
        this.signedInUsers = signedInUsers;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(AccountPages.EMAIL)
    String page(Authentication authentication, @RequestParam(required = false) String sent, Model model) {
        if (sent != null) {
            return Notice.show(model, Notice.EMAIL_CHANGE_SENT, AccountPages.MANAGE);
        }
        model.addAttribute(
                "user", userManager.findById(authentication.getName()).orElseThrow());
        model.addAttribute("change", new NewEmailForm());
        return VIEW;
    }

    @PostMapping(AccountPages.EMAIL)
    String request(
            Authentication authentication,
            @Valid @ModelAttribute("change") NewEmailForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        if (!errors.hasErrors()
                && emailChange.isCurrentAddress(user, form.getEmail().strip())) {
            errors.rejectValue("email", "account.error.email.same");
        }
        if (errors.hasErrors()) {
            model.addAttribute("user", user);
            return VIEW;
        }
        emailChange.request(user, form.getEmail().strip(), LinkBase.of(request, issuer));
        return "redirect:" + AccountPages.EMAIL + "?sent";
    }

    @GetMapping(AccountPages.CONFIRM_EMAIL_CHANGE)
    String confirmPage(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String changed,
            Model model,
            HttpServletResponse response) {
        if (changed != null) {
            return Notice.show(model, Notice.EMAIL_CHANGED, AccountPages.MANAGE);
        }
        Optional<AccountTokens.Redeemed> link = emailChange.inspect(token);
        if (link.isEmpty()) {
            return invalidLink(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("userName", link.get().user().getUserName());
        model.addAttribute("newEmail", link.get().payload());
        return CONFIRM_VIEW;
    }

    /** If the user is signed in in this browser, this session goes on with the new stamp; others end. */
    @PostMapping(AccountPages.CONFIRM_EMAIL_CHANGE)
    String confirm(
            @RequestParam(required = false) String token,
            Authentication authentication,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<EmailChange.Changed> changed = emailChange.confirm(token);
        if (changed.isEmpty()) {
            return invalidLink(model, response);
        }
        ApplicationUser user = changed.get().user();
        if (authentication != null && authentication.getName().equals(user.getId())) {
            signedInUsers.refresh(user.getId(), request, response);
        }
        notices.send(user, changed.get().previousEmail(), SecurityNotices.Kind.EMAIL_CHANGED, request);
        return "redirect:" + AccountPages.CONFIRM_EMAIL_CHANGE + "?changed";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        return Notice.invalidLink(model, response, Notice.EMAIL_CHANGE_LINK_INVALID, AccountPages.EMAIL);
    }
}
