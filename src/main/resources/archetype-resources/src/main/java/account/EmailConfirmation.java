package ${package}.account;

import java.util.Optional;

import ${package}.account.AccountTokens.Purpose;
import ${package}.account.mail.AccountMail;
import ${package}.identity.UserManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirming an email address with the link sent to it, and sending a new link on request. */
@Service
class EmailConfirmation {

    private final UserManager userManager;

    private final AccountTokens tokens;

    private final AccountEmails emails;

    private final AccountMail mail;

    private final UnprovenCredentials unprovenCredentials;

    EmailConfirmation(UserManager userManager, AccountTokens tokens, AccountEmails emails, AccountMail mail,
            UnprovenCredentials unprovenCredentials) {
        this.userManager = userManager;
        this.tokens = tokens;
        this.emails = emails;
        this.mail = mail;
        this.unprovenCredentials = unprovenCredentials;
    }

    /**
     * Sends a new link if the address belongs to a user who has not confirmed it. Everything after the
     * queueing happens in the background: the page answers alike for every address.
     */
    void resend(String email, LinkBase links) {
        mail.sendLater(() -> userManager.findByEmail(email).filter(user -> !user.isEmailConfirmed())
                .map(user -> emails.confirmation(user, links)));
    }

    /**
     * Confirms the address the token was sent to, and removes what was added to the account while it was unproven
     * ({@link UnprovenCredentials}); false if the link is unknown, used, replaced or expired.
     */
    @Transactional
    boolean confirm(String token) {
        return tokens.consume(token, Purpose.EMAIL_CONFIRMATION).map(user -> {
            unprovenCredentials.addressProven(user.getId(), false);
            return true;
        }).orElse(false);
    }

    /** The user name of the account the link confirms, if the link still works. */
    Optional<String> userNameFor(String token) {
        return tokens.check(token, Purpose.EMAIL_CONFIRMATION).map(user -> user.getUserName());
    }
}
