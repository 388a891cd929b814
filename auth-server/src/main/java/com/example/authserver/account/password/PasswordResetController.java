package com.example.authserver.account.password;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.EmailForm;
import com.example.authserver.account.EmailRequestPage;
import com.example.authserver.account.NewPasswordForm;
import com.example.authserver.account.Notice;
import com.example.authserver.account.PasswordFields;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten passwords: the request page (the same answer for every address) and the page the emailed link
 * opens, where the new password is chosen. A link works once, for {@code authforge.account.reset-link-lifetime},
 * and not at all once the password has changed.
 */
@Controller
class PasswordResetController {

    static final String RESET_VIEW = "account/reset-password";

    private final PasswordReset passwordReset;

    private final PasswordFields passwordFields;

    private final IssuerProperties issuer;

    PasswordResetController(PasswordReset passwordReset, PasswordFields passwordFields, IssuerProperties issuer) {
        this.passwordReset = passwordReset;
        this.passwordFields = passwordFields;
        this.issuer = issuer;
    }

    @GetMapping(AccountPages.FORGOT_PASSWORD)
    String forgotPage(@RequestParam(required = false) String sent, Model model) {
        return EmailRequestPage.FORGOT_PASSWORD.show(sent, model);
    }

    @PostMapping(AccountPages.FORGOT_PASSWORD)
    String forgot(
            @Valid @ModelAttribute(EmailRequestPage.FORM) EmailForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request) {
        return EmailRequestPage.FORGOT_PASSWORD.submit(
                form, errors, model, email -> passwordReset.request(email, LinkBase.of(request, issuer)));
    }

    @GetMapping(AccountPages.RESET_PASSWORD)
    String resetPage(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String done,
            Model model,
            HttpServletResponse response) {
        if (done != null) {
            return Notice.show(model, Notice.PASSWORD_RESET, "/login");
        }
        if (!passwordReset.isValid(token)) {
            return invalidLink(model, response);
        }
        NewPasswordForm form = new NewPasswordForm();
        form.setToken(token);
        model.addAttribute("reset", form);
        return RESET_VIEW;
    }

    @PostMapping(AccountPages.RESET_PASSWORD)
    String reset(
            @ModelAttribute("reset") NewPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        if (!passwordReset.isValid(form.getToken())) {
            return invalidLink(model, response);
        }
        passwordFields.check(form.getPassword(), form.getConfirmPassword(), errors);
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            return RESET_VIEW;
        }
        if (!passwordReset.reset(form.getToken(), form.getPassword())) {
            return invalidLink(model, response);
        }
        return "redirect:" + AccountPages.RESET_PASSWORD + "?done";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        return Notice.invalidLink(model, response, Notice.RESET_LINK_INVALID, AccountPages.FORGOT_PASSWORD);
    }
}
