package com.example.authserver.external;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.AccountProperties;
import com.example.authserver.account.registration.AccountForm;
import com.example.authserver.account.registration.Registration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page after a first sign-in through a provider with an account that is not linked yet (an
 * {@link ExternalAccount} in the session): create a local account from it (unless registration is switched off),
 * or link it to an existing account by signing in with that account's password, which counts towards lockout
 * like every password check. Either way the visitor is then signed in and goes on where sign-in was asked for,
 * except when the new account's address is not one the provider confirmed: then it goes as on the registration
 * page ({@link Registration}), a link to confirm the address first, and no hint whether the address is taken.
 */
@Controller
class ExternalLoginController {

    static final String VIEW = "account/external-login";

    private final UserLogins userLogins;

    private final UserManager userManager;

    private final AccountProperties accountProperties;

    private final ExternalSignIn externalSignIn;

    private final Registration registration;

    ExternalLoginController(
            UserLogins userLogins,
            UserManager userManager,
            AccountProperties accountProperties,
            ExternalSignIn externalSignIn,
            Registration registration) {
        this.userLogins = userLogins;
        this.userManager = userManager;
        this.accountProperties = accountProperties;
        this.externalSignIn = externalSignIn;
        this.registration = registration;
    }

    @GetMapping(ExternalSignIn.EXTERNAL_LOGIN)
    String page(HttpServletRequest request, Model model) {
        ExternalAccount account = ExternalAccount.waitingIn(request.getSession(false));
        if (account == null) {
            return "redirect:" + SignedInUsers.LOGIN_PAGE;
        }
        return show(model, account, newAccount(account), new LinkAccountForm());
    }

    @PostMapping(ExternalSignIn.EXTERNAL_LOGIN + "/create")
    String create(
            @Valid @ModelAttribute("newAccount") AccountForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ExternalAccount account = ExternalAccount.waitingIn(request.getSession(false));
        if (account == null || !accountProperties.isRegistrationEnabled()) {
            return "redirect:" + SignedInUsers.LOGIN_PAGE;
        }
        form.rejectEmailLikeUserName(errors);
        if (!errors.hasErrors() && !account.verifies(form.getEmail())) {
            // an address the provider did not vouch for: as on the registration page, whether it is taken or not
            rejectProblem(
                    registration.registerWithLogin(
                            form, account.provider(), account.providerKey(), account.providerDisplayName(), request),
                    errors);
            if (!errors.hasErrors()) {
                ExternalAccount.forget(request.getSession(false));
                return "redirect:" + AccountPages.REGISTER + "?sent";
            }
        }
        ApplicationUser created = errors.hasErrors() ? null : createSignedIn(form, account, errors);
        if (created == null) {
            model.addAttribute("newAccountInvalid", true);
            return show(model, account, form, new LinkAccountForm());
        }
        return signIn(created, request, response);
    }

    @PostMapping(ExternalSignIn.EXTERNAL_LOGIN + "/link")
    String link(
            @ModelAttribute("link") LinkAccountForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ExternalAccount account = ExternalAccount.waitingIn(request.getSession(false));
        if (account == null) {
            return "redirect:" + SignedInUsers.LOGIN_PAGE;
        }
        String login = form.getUsername() == null ? "" : form.getUsername().strip();
        Optional<ApplicationUser> user = userManager.findByNameOrEmail(login);
        String problem;
        if (user.isPresent()) {
            problem = checkOwner(user.get(), form.getPassword());
        } else {
            userManager.simulatePasswordCheck(form.getPassword());
            problem = "account.externalLogin.error.credentials";
        }
        if (problem == null
                && userLogins
                        .findByLogin(account.provider(), account.providerKey())
                        .filter(linked -> !linked.getId().equals(user.get().getId()))
                        .isPresent()) {
            problem = "account.externalLogin.error.linkedElsewhere";
        }
        if (problem != null) {
            errors.reject(problem);
            form.setPassword(null);
            return show(model, account, newAccount(account), form);
        }
        ExternalAccount.forget(request.getSession(false));
        PendingSignIn.ExternalLink link = new PendingSignIn.ExternalLink(
                account.provider(), account.providerKey(), account.providerDisplayName());
        if (user.get().isTwoFactorEnabled()) { // linked once the second step succeeds, not on the password alone
            return "redirect:" + externalSignIn.signIn(user.get(), link, request, response);
        }
        if (userLogins.addLogin(user.get(), link.provider(), link.providerKey(), link.providerDisplayName())
                == UserLogins.LinkResult.LINKED_TO_ANOTHER_USER) { // linked elsewhere a moment ago
            errors.reject("account.externalLogin.error.linkedElsewhere");
            return show(model, account, newAccount(account), form);
        }
        return signIn(user.get(), request, response);
    }

    /** Null if the password is right and the user may sign in; otherwise the message key. */
    private String checkOwner(ApplicationUser user, String password) {
        // a locked-out account gets the same answer as a wrong password (its owner is told by email)
        PasswordCheckResult result = userManager.checkPassword(user.getId(), password);
        if (result != PasswordCheckResult.SUCCESS || !user.isEnabled()) {
            return "account.externalLogin.error.credentials";
        }
        return null;
    }

    /** The create-account form, prefilled from the provider's claims. */
    private static AccountForm newAccount(ExternalAccount account) {
        AccountForm form = new AccountForm();
        form.setUserName(account.userName());
        form.setEmail(account.email());
        form.setGivenName(account.givenName());
        form.setFamilyName(account.familyName());
        return form;
    }

    /**
     * An account for an address the provider confirmed as the visitor's: confirmed, and signed in at once. If the
     * address is taken, the visitor may hear so (the provider says it is theirs) and may link that account instead.
     */
    private ApplicationUser createSignedIn(AccountForm form, ExternalAccount account, BindingResult errors) {
        ApplicationUser user = form.newUser();
        user.setEmailConfirmed(true);
        try {
            return userLogins.createWithLogin(
                    user, account.provider(), account.providerKey(), account.providerDisplayName());
        } catch (DataIntegrityViolationException | IdentityException ex) {
            Registration.Outcome conflict = Registration.conflictOf(ex);
            rejectProblem(conflict == null ? Registration.Outcome.LOGIN_LINKED_ELSEWHERE : conflict, errors);
        }
        return null;
    }

    private static void rejectProblem(Registration.Outcome outcome, BindingResult errors) {
        switch (outcome) {
            case USER_NAME_TAKEN -> errors.rejectValue("userName", "account.error.userName.taken");
            case EMAIL_TAKEN -> errors.rejectValue("email", "account.externalLogin.error.emailTaken");
            case LOGIN_LINKED_ELSEWHERE -> errors.reject("account.externalLogin.error.linkedElsewhere");
            case EMAIL_SENT -> {}
        }
    }

    private String signIn(ApplicationUser user, HttpServletRequest request, HttpServletResponse response) {
        ExternalAccount.forget(request.getSession(false));
        return "redirect:" + externalSignIn.signIn(user, request, response);
    }

    private String show(Model model, ExternalAccount account, AccountForm newAccount, LinkAccountForm link) {
        model.addAttribute("externalAccount", account);
        if (!model.containsAttribute("newAccount")) {
            model.addAttribute("newAccount", newAccount);
        }
        if (!model.containsAttribute("link")) {
            model.addAttribute("link", link);
        }
        return VIEW;
    }
}
