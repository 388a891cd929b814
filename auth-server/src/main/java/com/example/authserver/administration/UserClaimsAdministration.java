package com.example.authserver.administration;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserClaim;
import com.example.authserver.identity.UserManager;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to a user's own claims (those that come with the user's roles are the roles' business),
 * beside {@link UserAdministration}, each with its audit event. The claims mapping (claims/) puts them into tokens at
 * the next sign-in or refresh.
 */
@Component
public class UserClaimsAdministration {

    private final UserManager userManager;

    private final AuditTrail audit;

    UserClaimsAdministration(UserManager userManager, AuditTrail audit) {
        this.userManager = userManager;
        this.audit = audit;
    }

    public List<UserClaim> claimsOf(String userId) {
        return userManager.getClaims(existing(userId));
    }

    /** Adds the claim unless the user has it already (then false). */
    @Transactional
    public boolean addClaim(String userId, String type, String value, String channel) {
        ApplicationUser user = existing(userId);
        boolean present = userManager.getClaims(user).stream().anyMatch(claim -> matches(claim, type, value));
        if (present) {
            return false;
        }
        userManager.addClaim(user, type, value);
        record(user, "added " + type, channel);
        return true;
    }

    /** Removes the claim; false if the user did not have it. */
    @Transactional
    public boolean removeClaim(String userId, String type, String value, String channel) {
        ApplicationUser user = existing(userId);
        boolean present = userManager.getClaims(user).stream().anyMatch(claim -> matches(claim, type, value));
        if (!present) {
            return false;
        }
        userManager.removeClaim(user, type, value);
        record(user, "removed " + type, channel);
        return true;
    }

    private void record(ApplicationUser user, String detail, String channel) {
        audit.record(AuditEvent.of(AuditEventType.USER_CLAIMS_CHANGED)
                .user(user)
                .method(channel)
                .detail(detail));
    }

    private static boolean matches(UserClaim claim, String type, String value) {
        return claim.getClaimType().equals(type) && Objects.equals(claim.getClaimValue(), value);
    }

    private ApplicationUser existing(String userId) {
        return userManager.findById(userId).orElseThrow(() -> new NoSuchElementException("No user " + userId));
    }
}
