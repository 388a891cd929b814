package com.example.authserver.account.registration;

import com.example.authserver.account.AccountEmails;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityProperties;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.AccountMail;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Creates accounts: through the registration page, or from a first sign-in through an external provider that
 * does not vouch for the address given. A taken user name is said so (a registration page cannot hide it). A
 * taken email address is not: the visitor sees the same "check your email" page as after a new account, the
 * time spent is alike (a password registration hashes the password either way, one email is queued either
 * way), and the address's owner gets an email saying someone tried to register it.
 */
@Service
public class Registration {

    /**
     * {@code LOGIN_LINKED_ELSEWHERE}: the provider's account was linked to another account a moment ago.
     * {@code EMAIL_TAKEN} is never the outcome of a registration here (the owner is told instead): only
     * {@link #conflictOf} says it, for a caller that may name the address.
     */
    public enum Outcome {
        EMAIL_SENT,
        USER_NAME_TAKEN,
        EMAIL_TAKEN,
        LOGIN_LINKED_ELSEWHERE
    }

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final IdentityProperties identity;

    private final IssuerProperties issuer;

    private final AccountEmails emails;

    private final AccountMail mail;

    private final AuditTrail audit;

    Registration(
            UserManager userManager,
            UserLogins userLogins,
            IdentityProperties identity,
            IssuerProperties issuer,
            AccountEmails emails,
            AccountMail mail,
            AuditTrail audit) {
        this.audit = audit;
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.identity = identity;
        this.issuer = issuer;
        this.emails = emails;
        this.mail = mail;
    }

    Outcome register(RegistrationForm form, HttpServletRequest request) {
        return register(
                form,
                null,
                LinkBase.of(request, issuer),
                () -> userManager.simulatePasswordCheck(form.getPassword()),
                () -> userManager.create(form.newUser(), form.getPassword()));
    }

    /**
     * A new account, without a password, linked to the provider's account, whose email address the provider did
     * not confirm: it is confirmed through the emailed link, as after registration.
     */
    public Outcome registerWithLogin(
            AccountForm form,
            String provider,
            String providerKey,
            String providerDisplayName,
            HttpServletRequest request) {
        return register(
                form,
                providerDisplayName,
                LinkBase.of(request, issuer),
                () -> {},
                () -> userLogins.createWithLogin(form.newUser(), provider, providerKey, providerDisplayName));
    }

    private Outcome register(
            AccountForm form,
            String provider,
            LinkBase links,
            Runnable sameCostAsCreating,
            Supplier<ApplicationUser> create) {
        if (userManager.findByName(form.getUserName()).isPresent()) {
            return Outcome.USER_NAME_TAKEN;
        }
        Optional<ApplicationUser> owner =
                identity.isRequireUniqueEmail() ? userManager.findByEmail(form.getEmail()) : Optional.empty();
        if (owner.isPresent()) {
            sameCostAsCreating.run();
            return tellOwner(owner.get(), provider, links);
        }
        try {
            ApplicationUser created = create.get();
            audit.record(AuditEvent.of(AuditEventType.ACCOUNT_REGISTERED)
                    .user(created)
                    .actor(created.getUserName())
                    .method(provider == null ? "password" : "external")
                    .detail(provider));
            mail.sendLater(() -> Optional.of(emails.confirmation(created, links)));
            return Outcome.EMAIL_SENT;
        } catch (DataIntegrityViolationException | IdentityException ex) {
            Outcome conflict = conflictOf(ex);
            if (conflict == Outcome.EMAIL_TAKEN) {
                return userManager
                        .findByEmail(form.getEmail())
                        .map(taken -> tellOwner(taken, provider, links))
                        .orElseThrow(() -> ex);
            }
            if (conflict == null) {
                throw ex;
            }
            return conflict;
        }
    }

    /**
     * What a failed creation of a new account means, once the checks before it passed: its user name, email address
     * or external login was taken a moment ago; null for any other failure.
     */
    public static Outcome conflictOf(RuntimeException ex) {
        if (ex instanceof DataIntegrityViolationException) { // the unique index on the user name
            return Outcome.USER_NAME_TAKEN;
        }
        if (!(ex instanceof IdentityException identity)) {
            return null;
        }
        return switch (identity.getCode()) {
            case "DuplicateUserName" -> Outcome.USER_NAME_TAKEN;
            case "DuplicateEmail" -> Outcome.EMAIL_TAKEN;
            case "LoginAlreadyAssociated" -> Outcome.LOGIN_LINKED_ELSEWHERE;
            default -> null;
        };
    }

    private Outcome tellOwner(ApplicationUser owner, String provider, LinkBase links) {
        mail.sendLater(() -> Optional.of(emails.alreadyRegistered(owner, provider, links)));
        return Outcome.EMAIL_SENT;
    }
}
