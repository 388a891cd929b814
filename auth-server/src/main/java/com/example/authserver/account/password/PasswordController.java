package com.example.authserver.account.password;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.NewPasswordForm;
import com.example.authserver.account.Notice;
import com.example.authserver.account.PasswordFields;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.SecurityNotices;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's password, one template ({@code account/password.html}): changing it (the current one first,
 * locked out like a sign-in), or a first one for a user who signs in only through upstream providers. Each page sends
 * the user with or without a password to the other. The new password follows the policy; other sessions end (new
 * security stamp) and the owner gets a security notice.
 */
@Controller
class PasswordController {

    static final String VIEW = "account/password";

    static final String FORM = "passwordForm";

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final PasswordFields passwordFields;

    private final SignedInUsers signedInUsers;

    private final SecurityNotices notices;

    PasswordController(
            UserManager userManager,
            UserLogins userLogins,
            PasswordFields passwordFields,
            SignedInUsers signedInUsers,
            SecurityNotices notices) {
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.passwordFields = passwordFields;
        this.signedInUsers = signedInUsers;
        this.notices = notices;
    }

    @GetMapping(AccountPages.CHANGE_PASSWORD)
    String changePage(Authentication authentication, @RequestParam(required = false) String changed, Model model) {
        if (changed != null) {
            return Notice.show(model, Notice.PASSWORD_CHANGED, "/");
        }
        // a user who signs in only through providers has no current password: set a first one
        return user(authentication).getPasswordHash() == null
                ? "redirect:" + AccountPages.SET_PASSWORD
                : page(model, new NewPasswordForm(), false);
    }

    /** {@code authentication}'s name is the user id (see security/PasswordSignInProvider). */
    @PostMapping(AccountPages.CHANGE_PASSWORD)
    String change(
            Authentication authentication,
            @ModelAttribute(FORM) NewPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        ApplicationUser user = user(authentication);
        PasswordCheckResult current = userManager.checkPassword(user.getId(), form.getCurrentPassword());
        if (current == PasswordCheckResult.LOCKED_OUT) {
            errors.rejectValue("currentPassword", "account.error.currentPassword.locked");
        } else if (current == PasswordCheckResult.FAILED) {
            errors.rejectValue("currentPassword", "account.error.currentPassword.wrong");
        }
        if (!isValid(form, errors)) {
            return page(model, form, false);
        }
        userManager.changePassword(user, form.getCurrentPassword(), form.getPassword());
        return done(
                user,
                SecurityNotices.Kind.PASSWORD_CHANGED,
                AccountPages.CHANGE_PASSWORD + "?changed",
                request,
                response);
    }

    @GetMapping(AccountPages.SET_PASSWORD)
    String setPage(Authentication authentication, @RequestParam(required = false) String set, Model model) {
        if (set != null) {
            return Notice.show(model, Notice.PASSWORD_SET, AccountPages.EXTERNAL_LOGINS);
        }
        return user(authentication).getPasswordHash() != null
                ? "redirect:" + AccountPages.CHANGE_PASSWORD
                : page(model, new NewPasswordForm(), true);
    }

    @PostMapping(AccountPages.SET_PASSWORD)
    String set(
            Authentication authentication,
            @ModelAttribute(FORM) NewPasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        ApplicationUser user = user(authentication);
        if (user.getPasswordHash() != null) {
            return "redirect:" + AccountPages.CHANGE_PASSWORD;
        }
        if (!isValid(form, errors)) {
            return page(model, form, true);
        }
        userLogins.addPassword(user, form.getPassword());
        return done(user, SecurityNotices.Kind.PASSWORD_SET, AccountPages.SET_PASSWORD + "?set", request, response);
    }

    private ApplicationUser user(Authentication authentication) {
        return userManager.findById(authentication.getName()).orElseThrow();
    }

    /** The policy and the confirmation; on an error no password is sent back to the page. */
    private boolean isValid(NewPasswordForm form, BindingResult errors) {
        passwordFields.check(form.getPassword(), form.getConfirmPassword(), errors);
        if (!errors.hasErrors()) {
            return true;
        }
        form.setCurrentPassword(null);
        form.setPassword(null);
        form.setConfirmPassword(null);
        return false;
    }

    private static String page(Model model, NewPasswordForm form, boolean first) {
        model.addAttribute(FORM, form);
        model.addAttribute("first", first);
        return VIEW;
    }

    /** Other sessions end with the new stamp, this one is kept; the owner is told. */
    private String done(
            ApplicationUser user,
            SecurityNotices.Kind notice,
            String redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        signedInUsers.refresh(user.getId(), request, response);
        notices.send(user, user.getEmail(), notice, request);
        return "redirect:" + redirect;
    }
}
