package com.example.authserver.account;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * A page that asks for an email address and sends a link to it: forgot password, resend confirmation. One template
 * ({@code account/email-request.html}); the same answer whether or not the address has an account, so the page tells
 * nobody which addresses do.
 *
 * @param messages the prefix of its words in messages.properties (.title, .heading, .text, .submit)
 * @param path where it lives
 * @param sentNotice the notice shown once the form is sent
 */
public record EmailRequestPage(String messages, String path, String sentNotice) {

    /** Forgot password: a reset link, for an address with an account. */
    public static final EmailRequestPage FORGOT_PASSWORD =
            new EmailRequestPage("account.forgot", AccountPages.FORGOT_PASSWORD, Notice.RESET_SENT);

    /** Resend confirmation: a new confirmation link, for an address with an account not confirmed yet. */
    public static final EmailRequestPage RESEND_CONFIRMATION =
            new EmailRequestPage("account.resend", AccountPages.RESEND_CONFIRMATION, Notice.CONFIRMATION_SENT);

    public static final List<EmailRequestPage> ALL = List.of(FORGOT_PASSWORD, RESEND_CONFIRMATION);

    static final String VIEW = "account/email-request";

    /** The name of the form in the model, for {@code @ModelAttribute}. */
    public static final String FORM = "emailForm";

    /** The page, or the notice once the form is sent ({@code ?sent}). */
    public String show(String sent, Model model) {
        if (sent != null) {
            return Notice.show(model, sentNotice, "/login");
        }
        model.addAttribute(FORM, new EmailForm());
        model.addAttribute("page", this);
        return VIEW;
    }

    /** The form again with its errors, or {@code send} given the address and a redirect to the notice. */
    public String submit(EmailForm form, BindingResult errors, Model model, Consumer<String> send) {
        if (errors.hasErrors()) {
            model.addAttribute("page", this);
            return VIEW;
        }
        send.accept(form.getEmail().strip());
        return "redirect:" + path + "?sent";
    }
}
