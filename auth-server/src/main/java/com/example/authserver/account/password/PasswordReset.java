package com.example.authserver.account.password;

import com.example.authserver.account.AccountEmails;
import com.example.authserver.account.AccountTokens;
import com.example.authserver.account.AccountTokens.Purpose;
import com.example.authserver.account.confirmation.UnprovenCredentials;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.AccountMail;
import com.example.authserver.mail.LinkBase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords. A request only queues work, so the page answers alike, in what it says and how long
 * it takes, whether the address is registered or not; in the background, a registered address gets a
 * reset link, an unknown one gets nothing.
 */
@Service
public class PasswordReset {

    private final UserManager userManager;

    private final AccountTokens tokens;

    private final AccountEmails emails;

    private final AccountMail mail;

    private final UnprovenCredentials unprovenCredentials;

    private final AuditTrail audit;

    PasswordReset(
            UserManager userManager,
            AccountTokens tokens,
            AccountEmails emails,
            AccountMail mail,
            UnprovenCredentials unprovenCredentials,
            AuditTrail audit) {
        this.audit = audit;
        this.userManager = userManager;
        this.tokens = tokens;
        this.emails = emails;
        this.mail = mail;
        this.unprovenCredentials = unprovenCredentials;
    }

    void request(String email, LinkBase links) {
        mail.sendLater(() -> userManager.findByEmail(email).map(user -> emails.passwordReset(user, links)));
    }

    boolean isValid(String token) {
        return tokens.check(token, Purpose.PASSWORD_RESET).isPresent();
    }

    /**
     * Sets the new password; false if the link is unknown, used, replaced, expired or the password changed since.
     * Receiving the link proves the address: what was added while it was unproven goes ({@link UnprovenCredentials}).
     */
    @Transactional
    boolean reset(String token, String newPassword) {
        return tokens.consume(token, Purpose.PASSWORD_RESET)
                .map(user -> {
                    userManager.resetPassword(user, newPassword);
                    unprovenCredentials.addressProven(user.getId(), true);
                    audit.record(AuditEvent.of(AuditEventType.PASSWORD_RESET)
                            .user(user)
                            .actor(user.getUserName())
                            .method("reset link"));
                    return true;
                })
                .orElse(false);
    }
}
