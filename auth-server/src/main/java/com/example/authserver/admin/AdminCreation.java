package com.example.authserver.admin;

import com.example.authserver.account.AccountEmails;
import com.example.authserver.account.AccountProperties;
import com.example.authserver.account.PasswordFields;
import com.example.authserver.account.registration.AccountForm;
import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.LinkBase;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * What {@code admin create} does ({@link AdminCommandLine}): checks the name and address with the rules of
 * registration, refuses while an administrator exists (unless forced), and creates the user, email confirmed, with
 * the role {@code admin}, through {@link UserAdministration} (channel {@code command}: the audit trail records it).
 * Without a password, the new administrator gets a one-time link to the password reset page to choose one.
 */
@Component
class AdminCreation {

    /** The user made, and the link to set the password when it was made without one. */
    record Created(ApplicationUser user, String passwordLink, Duration linkLifetime) {}

    private final UserManager userManager;

    private final RoleManager roleManager;

    private final UserAdministration administration;

    private final PasswordFields passwordFields;

    private final AccountEmails accountEmails;

    private final AccountProperties accountProperties;

    private final Validator validator;

    private final MessageSource messages;

    AdminCreation(
            UserManager userManager,
            RoleManager roleManager,
            UserAdministration administration,
            PasswordFields passwordFields,
            AccountEmails accountEmails,
            AccountProperties accountProperties,
            Validator validator,
            MessageSource messages) {
        this.userManager = userManager;
        this.roleManager = roleManager;
        this.administration = administration;
        this.passwordFields = passwordFields;
        this.accountEmails = accountEmails;
        this.accountProperties = accountProperties;
        this.validator = validator;
        this.messages = messages;
    }

    /** Fails naming the first thing that stops the creation: a bad or taken name or address, an existing admin. */
    void check(CreateOptions options) {
        field("username", "userName", options.userName());
        field("email", "email", options.email());
        if (!UserManager.isAllowedUserName(options.userName(), options.email())) {
            throw new CommandFailure("--username: " + message("account.error.userName.email"));
        }
        if (userManager.findByName(options.userName()).isPresent()) {
            throw new CommandFailure("--username: the user name '" + options.userName() + "' is taken");
        }
        if (userManager.findByEmail(options.email()).isPresent()) {
            throw new CommandFailure("--email: the address '" + options.email() + "' belongs to another user");
        }
        long administrators = userManager.countEnabledInRole(IdentityRole.ADMIN);
        if (administrators > 0 && !options.force()) {
            throw new CommandFailure("An administrator exists already (" + administrators
                    + " enabled user(s) with the role " + IdentityRole.ADMIN_NAME + "): --force creates another one");
        }
    }

    /** What is wrong with the password and its confirmation, as the registration page says it; empty if nothing. */
    List<String> passwordProblems(String password, String confirmation) {
        Errors errors = new MapBindingResult(new HashMap<String, Object>(), "password");
        passwordFields.check(password, confirmation, errors);
        return errors.getAllErrors().stream()
                .map(error -> messages.getMessage(error, Locale.ROOT))
                .toList();
    }

    /**
     * Creates the administrator, with the password, or without one (null) and then with a link to set it at
     * {@code linkBase} (the issuer). The link is made last: it is bound to the user's security stamp as it is then.
     */
    Created create(CreateOptions options, String passwordOrNull, String linkBase) {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(options.userName());
        user.setEmail(options.email());
        user.setEmailConfirmed(true);
        ApplicationUser created;
        try {
            created = administration.create(user, passwordOrNull, UserAdministration.COMMAND);
        } catch (IdentityException refused) {
            throw new CommandFailure(refused.getMessage());
        }
        roleManager.findOrCreate(IdentityRole.ADMIN_NAME);
        administration.setRoles(created.getId(), Set.of(IdentityRole.ADMIN_NAME), UserAdministration.COMMAND);
        ApplicationUser current = userManager.findById(created.getId()).orElseThrow();
        if (passwordOrNull != null) {
            return new Created(current, null, null);
        }
        String link = accountEmails.passwordLink(current, new LinkBase(linkBase, Locale.ROOT));
        return new Created(current, link, accountProperties.getResetLinkLifetime());
    }

    /** Checks one value with the registration form's rules (account/registration/AccountForm). */
    private void field(String option, String property, String value) {
        Set<ConstraintViolation<AccountForm>> violations = validator.validateValue(AccountForm.class, property, value);
        violations.stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .findFirst()
                .ifPresent(problem -> {
                    throw new CommandFailure("--" + option + ": " + problem);
                });
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, Locale.ROOT);
    }
}
