package com.example.authserver.administration;

import com.example.authserver.account.AccountEmails;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.AccountMail;
import com.example.authserver.mail.LinkBase;
import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.sessions.UserSessions;
import com.example.authserver.twofactor.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to how a user signs in, beside {@link UserAdministration}: require a new password at the
 * next sign-in, send a password-reset link, reset the authenticator, remove a passkey or an external login. Each goes
 * through the code the user's own pages use and renews the security stamp (the user's sessions end). Each is recorded in
 * the audit trail with the channel ({@code console}, ...) and the signed-in administrator as the actor: here, or by
 * the store that removes a passkey or an external login.
 */
@Component
public class UserCredentialsAdministration {

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final TwoFactor twoFactor;

    private final Passkeys passkeys;

    private final AccountEmails emails;

    private final AccountMail mail;

    private final UserSessions sessions;

    private final AuditTrail audit;

    UserCredentialsAdministration(
            UserManager userManager,
            UserLogins userLogins,
            TwoFactor twoFactor,
            Passkeys passkeys,
            AccountEmails emails,
            AccountMail mail,
            UserSessions sessions,
            AuditTrail audit) {
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
        this.emails = emails;
        this.mail = mail;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * At the next sign-in, whichever way, the user must choose a new password before anything else
     * (security/PasswordChangeGate); the user's sessions end now (what was granted in them is revoked), so the next
     * sign-in is now. {@code request} is the administrator's.
     */
    public void requirePasswordChange(String userId, String channel, HttpServletRequest request) {
        ApplicationUser user = userManager.updateSecurity(userId, current -> current.setPasswordChangeRequired(true));
        sessions.endAll(userId, request);
        audit.record(AuditEvent.of(AuditEventType.PASSWORD_CHANGE_REQUIRED)
                .user(user)
                .method(channel));
    }

    /** Sends the user the reset link of the forgotten-password page; false if the user has no email address. */
    public boolean sendPasswordReset(String userId, LinkBase links, String channel) {
        ApplicationUser user = existing(userId);
        if (user.getEmail() == null) {
            return false;
        }
        mail.sendLater(() -> userManager.findById(userId).map(current -> emails.passwordReset(current, links)));
        audit.record(
                AuditEvent.of(AuditEventType.PASSWORD_RESET_SENT).user(user).method(channel));
        return true;
    }

    /** Turns two-factor sign-in off and removes the authenticator key and the recovery codes. */
    @Transactional
    public void resetAuthenticator(String userId, String channel) {
        existing(userId);
        twoFactor.removeAll(userId);
        ApplicationUser user = userManager.updateSecurity(userId, current -> {});
        audit.record(AuditEvent.of(AuditEventType.TWO_FACTOR_RESET).user(user).method(channel));
    }

    /**
     * Removes one passkey of the user; false if the user has no such passkey. The passkey store records the event
     * (with the channel of the request: audit/AuditTrail.CHANNEL_ATTRIBUTE).
     */
    @Transactional
    public boolean removePasskey(String userId, String credentialId) {
        existing(userId);
        return passkeys.remove(userId, credentialId);
    }

    /**
     * Removes a link to an upstream provider's account; false if the user has no such link. Fails with the code
     * {@code LastLogin} (identity/IdentityException) when it is the user's last way to sign in. The identity store
     * announces the removal, which the audit trail records.
     */
    @Transactional
    public boolean removeExternalLogin(String userId, String provider, String providerKey) {
        return userLogins.removeLogin(existing(userId), provider, providerKey);
    }

    private ApplicationUser existing(String userId) {
        return userManager.findById(userId).orElseThrow(() -> new NoSuchElementException("No user " + userId));
    }
}
