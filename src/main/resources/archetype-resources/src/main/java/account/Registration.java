package ${package}.account;

import java.util.Optional;

import ${package}.account.mail.AccountMail;
import ${package}.identity.ApplicationUser;
import ${package}.identity.IdentityException;
import ${package}.identity.IdentityProperties;
import ${package}.identity.UserManager;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Creates accounts. A taken user name is said so (a registration page cannot hide it). A taken email address
 * is not: the visitor sees the same "check your email" page as after a new account, the time spent is
 * alike (one password hash, one email queued), and the address's owner gets an email saying someone tried
 * to register it, with a link to reset the password.
 */
@Service
class Registration {

    enum Outcome { EMAIL_SENT, USER_NAME_TAKEN }

    private final UserManager userManager;

    private final IdentityProperties identity;

    private final AccountEmails emails;

    private final AccountMail mail;

    Registration(UserManager userManager, IdentityProperties identity, AccountEmails emails, AccountMail mail) {
        this.userManager = userManager;
        this.identity = identity;
        this.emails = emails;
        this.mail = mail;
    }

    Outcome register(RegistrationForm form, LinkBase links) {
        if (userManager.findByName(form.getUserName()).isPresent()) {
            return Outcome.USER_NAME_TAKEN;
        }
        Optional<ApplicationUser> owner = identity.isRequireUniqueEmail() ? userManager.findByEmail(form.getEmail())
                : Optional.empty();
        if (owner.isPresent()) {
            userManager.simulatePasswordCheck(form.getPassword());
            return tellOwner(owner.get(), links);
        }
        ApplicationUser user = new ApplicationUser();
        user.setUserName(form.getUserName().strip());
        user.setEmail(form.getEmail().strip());
        form.applyTo(user);
        try {
            ApplicationUser created = userManager.create(user, form.getPassword());
            mail.sendLater(() -> Optional.of(emails.confirmation(created, links)));
            return Outcome.EMAIL_SENT;
        }
        catch (DataIntegrityViolationException ex) { // the same name registered a moment ago
            return Outcome.USER_NAME_TAKEN;
        }
        catch (IdentityException ex) {
            return switch (ex.getCode()) {
                case "DuplicateUserName" -> Outcome.USER_NAME_TAKEN;
                case "DuplicateEmail" -> userManager.findByEmail(form.getEmail()).map(taken -> tellOwner(taken, links))
                        .orElseThrow(() -> ex);
                default -> throw ex;
            };
        }
    }

    private Outcome tellOwner(ApplicationUser owner, LinkBase links) {
        mail.sendLater(() -> Optional.of(emails.alreadyRegistered(owner, links)));
        return Outcome.EMAIL_SENT;
    }
}
