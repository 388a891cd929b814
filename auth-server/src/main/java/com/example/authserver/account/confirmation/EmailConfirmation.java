package com.example.authserver.account.confirmation;

import com.example.authserver.account.AccountEmails;
import com.example.authserver.account.AccountTokens;
import com.example.authserver.account.AccountTokens.Purpose;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.AccountMail;
import com.example.authserver.mail.LinkBase;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming an email address with the link sent to it, and sending a new link on request. Receiving the link proves
 * the address, not who made the account: someone may have registered another person's address, who then clicks the
 * link she did not expect. So the link confirms only together with the account's own credential: its password, or,
 * for an account made through a provider without a password, a sign-in through that provider in the same browser
 * (external/ExternalSignIn calls {@link #confirmAfterProviderSignIn}).
 */
@Service
public class EmailConfirmation {

    /** The session attribute holding a link that waits for the provider's sign-in. */
    private static final String AWAITING_PROVIDER = EmailConfirmation.class.getName() + ".TOKEN";

    /** How a confirmation attempt ended. */
    enum Outcome {
        CONFIRMED,
        WRONG_PASSWORD,
        LOCKED_OUT,
        INVALID_LINK
    }

    private final UserManager userManager;

    private final AccountTokens tokens;

    private final AccountEmails emails;

    private final AccountMail mail;

    private final UnprovenCredentials unprovenCredentials;

    EmailConfirmation(
            UserManager userManager,
            AccountTokens tokens,
            AccountEmails emails,
            AccountMail mail,
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
        mail.sendLater(() -> userManager
                .findByEmail(email)
                .filter(user -> !user.isEmailConfirmed())
                .map(user -> emails.confirmation(user, links)));
    }

    /**
     * Confirms the address the link was sent to if {@code password} is the account's (a wrong one counts towards
     * lockout), and removes what was added to the account while it was unproven ({@link UnprovenCredentials}).
     */
    @Transactional
    Outcome confirmWithPassword(String token, String password) {
        Optional<ApplicationUser> user = tokens.check(token, Purpose.EMAIL_CONFIRMATION);
        if (user.isEmpty() || user.get().getPasswordHash() == null) {
            return Outcome.INVALID_LINK;
        }
        PasswordCheckResult result = userManager.checkPassword(user.get().getId(), password == null ? "" : password);
        if (result == PasswordCheckResult.LOCKED_OUT) {
            return Outcome.LOCKED_OUT;
        }
        if (result == PasswordCheckResult.FAILED) {
            return Outcome.WRONG_PASSWORD;
        }
        return confirm(token) ? Outcome.CONFIRMED : Outcome.INVALID_LINK;
    }

    /** Keeps the link in the session while the browser signs in through the account's provider. */
    void awaitProviderSignIn(String token, HttpSession session) {
        session.setAttribute(AWAITING_PROVIDER, token);
    }

    /**
     * After a sign-in through a provider: if this browser holds a confirmation link of the account that signed in,
     * confirms it (the provider's account is the account's own credential). True if the user's address is confirmed
     * now.
     */
    @Transactional
    public boolean confirmAfterProviderSignIn(HttpSession session, String userId) {
        Object token = session == null ? null : session.getAttribute(AWAITING_PROVIDER);
        if (!(token instanceof String link)
                || tokens.check(link, Purpose.EMAIL_CONFIRMATION)
                        .filter(user -> user.getId().equals(userId))
                        .isEmpty()) {
            return false;
        }
        session.removeAttribute(AWAITING_PROVIDER);
        return confirm(link);
    }

    /** The account the link confirms, if the link still works. */
    Optional<ApplicationUser> userFor(String token) {
        return tokens.check(token, Purpose.EMAIL_CONFIRMATION);
    }

    private boolean confirm(String token) {
        return tokens.consume(token, Purpose.EMAIL_CONFIRMATION)
                .map(user -> {
                    unprovenCredentials.addressProven(user.getId(), false);
                    return true;
                })
                .orElse(false);
    }
}
