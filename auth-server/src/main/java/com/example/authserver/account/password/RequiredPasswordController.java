package com.example.authserver.account.password;

import com.example.authserver.account.NewPasswordForm;
import com.example.authserver.account.PasswordFields;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.PasswordChangeGate;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The new password a user must choose when an administrator required it ({@link PasswordChangeGate} holds the sign-in
 * here until then): the user just proved who they are by signing in, so no current password is asked. Then the sign-in
 * goes on without the hold (other sessions end with the new stamp) to where it was going, an authorization request
 * usually.
 */
@Controller
class RequiredPasswordController {

    static final String VIEW = "login-new-password";

    private final UserManager userManager;

    private final PasswordFields passwordFields;

    private final SignedInUsers signedInUsers;

    private final AuthenticationSuccessHandler continueSignIn = new SavedRequestAwareAuthenticationSuccessHandler();

    RequiredPasswordController(UserManager userManager, PasswordFields passwordFields, SignedInUsers signedInUsers) {
        this.userManager = userManager;
        this.passwordFields = passwordFields;
        this.signedInUsers = signedInUsers;
    }

    @GetMapping(PasswordChangeGate.PAGE)
    String form(Authentication authentication, Model model) {
        if (!PasswordChangeGate.holds(authentication)) {
            return "redirect:/";
        }
        model.addAttribute(PasswordController.FORM, new NewPasswordForm());
        return VIEW;
    }

    /** Returns nothing once the password is changed: the response is the redirect to where the sign-in was going. */
    @PostMapping(PasswordChangeGate.PAGE)
    String change(
            Authentication authentication,
            @ModelAttribute(PasswordController.FORM) NewPasswordForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        if (!PasswordChangeGate.holds(authentication)) {
            return "redirect:/";
        }
        passwordFields.check(form.getPassword(), form.getConfirmPassword(), errors);
        if (!errors.hasErrors()) {
            try {
                userManager.replaceRequiredPassword(authentication.getName(), form.getPassword());
            } catch (IdentityException ex) { // the policy was checked above: the old password again
                errors.rejectValue("password", "account.newPassword.unchanged");
            }
        }
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            return VIEW;
        }
        signedInUsers.refresh(authentication.getName(), request, response);
        continueSignIn.onAuthenticationSuccess(
                request, response, SecurityContextHolder.getContext().getAuthentication());
        return null;
    }
}
