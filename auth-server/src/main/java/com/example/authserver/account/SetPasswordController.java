package com.example.authserver.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.SignedInUsers;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A first password for a signed-in user who has none (one who signs in only through upstream providers), following
 * the password policy. A user who has a password is sent to the change-password page instead.
 */
@Controller
class SetPasswordController {

    static final String VIEW = "account/set-password";

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final PasswordFields passwordFields;

    private final SignedInUsers signedInUsers;

    private final SecurityNotices notices;

    SetPasswordController(UserManager userManager, UserLogins userLogins, PasswordFields passwordFields,
            SignedInUsers signedInUsers, SecurityNotices notices) {
        this.signedInUsers = signedInUsers;
        this.notices = notices;
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.passwordFields = passwordFields;
    }

    /** {@code authentication}'s name is the user id. */
    @GetMapping(AccountPages.SET_PASSWORD)
    String form(Authentication authentication, @RequestParam(required = false) String set, Model model) {
        if (set != null) {
            return Notice.show(model, Notice.PASSWORD_SET, AccountPages.EXTERNAL_LOGINS);
        }
        if (hasPassword(authentication)) {
            return "redirect:" + AccountPages.CHANGE_PASSWORD;
        }
        model.addAttribute("newPassword", new NewPasswordForm());
        return VIEW;
    }

    @PostMapping(AccountPages.SET_PASSWORD)
    String set(Authentication authentication, @ModelAttribute("newPassword") NewPasswordForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response) {
        if (hasPassword(authentication)) {
            return "redirect:" + AccountPages.CHANGE_PASSWORD;
        }
        passwordFields.check(form.getPassword(), form.getConfirmPassword(), errors);
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            return VIEW;
        }
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        userLogins.addPassword(user, form.getPassword());
        signedInUsers.refresh(authentication.getName(), request, response);
        notices.send(user, user.getEmail(), SecurityNotices.Kind.PASSWORD_SET, request);
        return "redirect:" + AccountPages.SET_PASSWORD + "?set";
    }

    private boolean hasPassword(Authentication authentication) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        return user.getPasswordHash() != null;
    }
}
