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
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to how a user signs in, beside {@link UserAdministration}: require a new password at the
 * next sign-in, send a password-reset link, reset the authenticator, remove a passkey or an external login. Each goes
 * through the code the user's own pages use, renews the security stamp (the user's sessions end) and records its audit
 * event with the channel ({@code console}, ...); the actor is the signed-in administrator.
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

    /** Removes one passkey of the user; false if the user has no such passkey. */
    @Transactional
    public boolean removePasskey(String userId, String credentialId, String channel) {
        ApplicationUser user = existing(userId);
        Optional<Passkeys.Passkey> passkey = passkeys.of(userId).stream()
                .filter(candidate -> candidate.id().equals(credentialId))
                .findFirst();
        if (passkey.isEmpty() || !passkeys.remove(userId, credentialId)) {
            return false;
        }
        audit.record(AuditEvent.of(AuditEventType.PASSKEY_REMOVED)
                .user(user)
                .method(channel)
                .detail(passkey.get().label()));
        return true;
    }

    /**
     * Removes a link to an upstream provider's account; false if the user has no such link. Fails with the code
     * {@code LastLogin} (identity/IdentityException) when it is the user's last way to sign in.
     */
    @Transactional
    public boolean removeExternalLogin(String userId, String provider, String providerKey, String channel) {
        ApplicationUser user = existing(userId);
        if (!userLogins.removeLogin(user, provider, providerKey)) {
            return false;
        }
        audit.record(AuditEvent.of(AuditEventType.EXTERNAL_LOGIN_REMOVED)
                .user(user)
                .method(channel)
                .detail(provider));
        return true;
    }

    private ApplicationUser existing(String userId) {
        return userManager.findById(userId).orElseThrow(() -> new NoSuchElementException("No user " + userId));
    }
}
