package com.example.authserver.security;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLockedOut;
import com.example.authserver.identity.UserManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every sign-in's outcome in the audit trail, with its method: each way in (password, passkey, external provider,
 * second factor) tells it here where it decides, since they do not all pass through one authentication manager. A
 * failed attempt for a name nobody has is recorded with the name as typed (password spraying shows up), without an id.
 */
@Component
public class SignInEvents {

    public static final String PASSWORD = "password";

    public static final String PASSKEY = "passkey";

    public static final String EXTERNAL = "external";

    public static final String SECOND_FACTOR = "second-factor";

    private final AuditTrail audit;

    private final UserManager userManager;

    SignInEvents(AuditTrail audit, UserManager userManager) {
        this.audit = audit;
        this.userManager = userManager;
    }

    /** The user is signed in ({@code detail}: the provider of an external sign-in, the first factor of two). */
    public void succeeded(ApplicationUser user, String method, String detail) {
        audit.record(AuditEvent.of(AuditEventType.SIGN_IN_SUCCEEDED)
                .user(user)
                .actor(user.getUserName())
                .method(method)
                .detail(detail));
    }

    /** An attempt failed ({@code reason}: wrong password, locked out, disabled, wrong code...). */
    public void failed(ApplicationUser userOrNull, String typedLogin, String method, String reason) {
        AuditEvent event =
                AuditEvent.of(AuditEventType.SIGN_IN_FAILED).method(method).detail(reason);
        audit.record(
                userOrNull == null
                        ? event.user(null, typedLogin) // no actor: the name is the visitor's claim, nobody's identity
                        : event.user(userOrNull).actor(userOrNull.getUserName()));
    }

    /** As {@link #failed(ApplicationUser, String, String, String)}, for a user known by id (a second step). */
    public void failed(String userId, String method, String reason) {
        failed(userManager.findById(userId).orElse(null), null, method, reason);
    }

    /** A lockout starts (too many failed passwords or codes). */
    @TransactionalEventListener(fallbackExecution = true)
    void lockedOut(UserLockedOut event) {
        userManager
                .findById(event.userId())
                .ifPresent(user -> audit.record(AuditEvent.of(AuditEventType.SIGN_IN_LOCKED_OUT)
                        .user(user)
                        .actor(user.getUserName())));
    }
}
