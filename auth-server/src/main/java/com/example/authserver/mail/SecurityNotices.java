package com.example.authserver.mail;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.ExternalLoginAdded;
import com.example.authserver.identity.UserLockedOut;
import com.example.authserver.identity.UserManager;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells users by email when a security setting of their account changed (template {@code email/security-notice},
 * texts {@code email.notice.<kind>.*} in messages.properties), so that a change they did not make does not go
 * unnoticed: with a link to reset the password. Each change is also recorded in the audit trail (its {@link
 * Kind#audit}), whether or not the user has an address to tell. Lockouts and new external logins come as events from the
 * identity store; the other changes are sent by the pages that make them.
 */
@Component
public class SecurityNotices {

    /**
     * The way out a notice offers when the change was not the user's: a password reset, which also ends every session
     * and grant (the forgot-password page of account/password serves it).
     */
    public static final String WAY_OUT = "/account/forgot-password";

    /** What changed. */
    public enum Kind {
        PASSWORD_CHANGED("passwordChanged", AuditEventType.PASSWORD_CHANGED),
        EMAIL_CHANGED("emailChanged", AuditEventType.EMAIL_CHANGED),
        TWO_FACTOR_DISABLED("twoFactorDisabled", AuditEventType.TWO_FACTOR_DISABLED),
        TWO_FACTOR_ENABLED("twoFactorEnabled", AuditEventType.TWO_FACTOR_ENABLED),
        PASSWORD_SET("passwordSet", AuditEventType.PASSWORD_SET),
        PASSKEY_ADDED("passkeyAdded", AuditEventType.PASSKEY_ADDED),
        EXTERNAL_LOGIN_ADDED("externalLoginAdded", AuditEventType.EXTERNAL_LOGIN_ADDED),
        RECOVERY_CODES_REGENERATED("recoveryCodesRegenerated", AuditEventType.RECOVERY_CODES_REGENERATED),
        ACCOUNT_DELETED("accountDeleted", AuditEventType.ACCOUNT_DELETED),
        /** Recorded by the sign-in (security/SignInEvents), not here. */
        LOCKED_OUT("lockedOut", null);

        final String key;

        /** The change's event in the audit trail. */
        final AuditEventType audit;

        Kind(String key, AuditEventType audit) {
            this.key = key;
            this.audit = audit;
        }

        /** The part of its message keys: email.notice.(key).subject and .text. */
        public String key() {
            return key;
        }
    }

    /** The channel of the changes users make to their own account, in the audit trail. */
    static final String ACCOUNT = "account";

    private final AccountMail mail;

    private final AuditTrail audit;

    private final IssuerProperties issuer;

    private final UserManager userManager;

    SecurityNotices(AccountMail mail, IssuerProperties issuer, UserManager userManager, AuditTrail audit) {
        this.mail = mail;
        this.audit = audit;
        this.issuer = issuer;
        this.userManager = userManager;
    }

    /** Sends the notice to the user's address, from within the request that made the change. */
    public void send(ApplicationUser user, Kind kind) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            send(user, user.getEmail(), kind, current.getRequest());
        }
    }

    /** A lockout starts: the sign-in page says nothing of it, so the owner hears of it here. */
    @TransactionalEventListener(fallbackExecution = true)
    void lockedOut(UserLockedOut event) {
        userManager.findById(event.userId()).ifPresent(user -> send(user, Kind.LOCKED_OUT));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void externalLoginAdded(ExternalLoginAdded event) {
        userManager.findById(event.userId()).ifPresent(user -> send(user, Kind.EXTERNAL_LOGIN_ADDED));
    }

    /** Sends the notice to {@code to} (the user's address, or the address it had before a change), in the background. */
    public void send(ApplicationUser user, String to, Kind kind, HttpServletRequest request) {
        if (kind.audit != null) {
            audit.record(AuditEvent.of(kind.audit).user(user).method(ACCOUNT));
        }
        if (!StringUtils.hasText(to)) {
            return;
        }
        LinkBase links = LinkBase.of(request, issuer);
        String name = StringUtils.hasText(user.getGivenName()) ? user.getGivenName() : user.getUserName();
        AccountEmail email = new AccountEmail(
                to,
                "email.notice." + kind.key + ".subject",
                "security-notice",
                Map.of(
                        "name",
                        name,
                        "userName",
                        user.getUserName(),
                        "kind",
                        kind.key,
                        "link",
                        kind == Kind.ACCOUNT_DELETED ? "" : links.page(WAY_OUT),
                        "lifetime",
                        ""),
                links.locale());
        mail.sendLater(() -> Optional.of(email));
    }
}
