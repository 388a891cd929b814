package com.example.authserver.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
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
 * Changing the password of the signed-in user. The current password is checked like a sign-in (wrong ones
 * count towards lockout); the change renews the security stamp, which ends every password reset link, the user's
 * other sessions and every refresh token issued before (this session goes on).
 */
@Controller
class ChangePasswordController {

    static final String VIEW = "account/change-password";

    private final UserManager userManager;

    private final PasswordFields passwordFields;

    private final SignedInUsers signedInUsers;

    private final SecurityNotices notices;

    ChangePasswordController(UserManager userManager, PasswordFields passwordFields, SignedInUsers signedInUsers,
            SecurityNotices notices) {
        this.notices = notices;
        this.userManager = userManager;
        this.passwordFields = passwordFields;
        this.signedInUsers = signedInUsers;
    }

    @GetMapping(AccountPages.CHANGE_PASSWORD)
    String form(Authentication authentication, @RequestParam(required = false) String changed, Model model) {
        if (changed != null) {
            return Notice.show(model, Notice.PASSWORD_CHANGED, "/");
        }
        if (userManager.findById(authentication.getName()).orElseThrow().getPasswordHash() == null) {
            // a user who signs in only through providers has no current password: set a first one
            return "redirect:" + AccountPages.SET_PASSWORD;
        }
        model.addAttribute("change", new NewPasswordForm());
        return VIEW;
    }

    /** {@code authentication}'s name is the user id (see security/PasswordSignInProvider). */
    @PostMapping(AccountPages.CHANGE_PASSWORD)
    String change(Authentication authentication, @ModelAttribute("change") NewPasswordForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        PasswordCheckResult current = userManager.checkPassword(user.getId(), form.getCurrentPassword());
        if (current == PasswordCheckResult.LOCKED_OUT) {
            errors.rejectValue("currentPassword", "account.error.currentPassword.locked");
        }
        else if (current == PasswordCheckResult.FAILED) {
            errors.rejectValue("currentPassword", "account.error.currentPassword.wrong");
        }
        passwordFields.check(form.getPassword(), form.getConfirmPassword(), errors);
        if (errors.hasErrors()) {
            form.setCurrentPassword(null);
            form.setPassword(null);
            form.setConfirmPassword(null);
            return VIEW;
        }
        userManager.changePassword(user, form.getCurrentPassword(), form.getPassword());
        signedInUsers.refresh(user.getId(), request, response);
        notices.send(user, user.getEmail(), SecurityNotices.Kind.PASSWORD_CHANGED, request);
        return "redirect:" + AccountPages.CHANGE_PASSWORD + "?changed";
    }
}
