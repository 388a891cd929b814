package com.example.authserver.account.registration;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.Notice;
import com.example.authserver.account.PasswordFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registration page. With {@code authforge.account.registration-enabled: false} this controller does not
 * exist, and /account/register is a 404. Errors show the form again with the values typed, except passwords.
 */
@Controller
@ConditionalOnProperty(name = "authforge.account.registration-enabled", havingValue = "true", matchIfMissing = true)
class RegistrationController {

    static final String VIEW = "account/register";

    private final Registration registration;

    private final PasswordFields passwordFields;

    RegistrationController(Registration registration, PasswordFields passwordFields) {
        this.registration = registration;
        this.passwordFields = passwordFields;
    }

    @GetMapping(AccountPages.REGISTER)
    String form(@RequestParam(required = false) String sent, Model model) {
        if (sent != null) {
            return Notice.show(model, Notice.REGISTERED, "/login");
        }
        model.addAttribute("registration", new RegistrationForm());
        return VIEW;
    }

    @PostMapping(AccountPages.REGISTER)
    String register(
            @Valid @ModelAttribute("registration") RegistrationForm form,
            BindingResult errors,
            HttpServletRequest request) {
        passwordFields.check(form.getPassword(), form.getConfirmPassword(), errors);
        form.rejectEmailLikeUserName(errors);
        if (!errors.hasErrors() && registration.register(form, request) == Registration.Outcome.USER_NAME_TAKEN) {
            errors.rejectValue("userName", "account.error.userName.taken");
        }
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            return VIEW;
        }
        return "redirect:" + AccountPages.REGISTER + "?sent";
    }
}
