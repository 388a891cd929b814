package com.example.authserver.account.email;

import com.example.authserver.account.AccountEmails;
import com.example.authserver.account.AccountTokens;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityProperties;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.AccountMail;
import com.example.authserver.mail.LinkBase;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the email address of a user: a link goes to the new address, and only opening it there changes the
 * address (confirmed, since the link proves it) and renews the security stamp, so the user's other sessions end.
 * Whether the new address belongs to another account is never shown: no link is sent then, and the page reads
 * the same.
 */
@Service
public class EmailChange {

    private final UserManager userManager;

    private final AccountEmails emails;

    private final AccountMail mail;

    private final IdentityProperties identity;

    private final AccountTokens tokens;

    EmailChange(
            UserManager userManager,
            AccountEmails emails,
            AccountMail mail,
            IdentityProperties identity,
            AccountTokens tokens) {
        this.userManager = userManager;
        this.tokens = tokens;
        this.emails = emails;
        this.mail = mail;
        this.identity = identity;
    }

    boolean isCurrentAddress(ApplicationUser user, String newEmail) {
        return LookupNormalizer.normalizeEmail(newEmail).equals(user.getNormalizedEmail());
    }

    /** Sends the link to the new address, in the background, unless another account has the address. */
    void request(ApplicationUser user, String newEmail, LinkBase links) {
        mail.sendLater(() ->
                taken(user, newEmail) ? Optional.empty() : Optional.of(emails.emailChange(user, newEmail, links)));
    }

    /** A change made: the user as changed, and the address they had before. */
    record Changed(ApplicationUser user, String previousEmail) {}

    /** Makes the link's address the user's; empty if the link does not work. */
    @Transactional
    Optional<Changed> confirm(String token) {
        return tokens.redeem(token, AccountTokens.Purpose.EMAIL_CHANGE)
                .filter(redeemed -> redeemed.payload() != null && !taken(redeemed.user(), redeemed.payload()))
                .map(redeemed -> {
                    String previous = redeemed.user().getEmail(); // read before: the same entity is changed
                    return new Changed(
                            userManager.updateSecurity(redeemed.user().getId(), user -> {
                                user.setEmail(redeemed.payload());
                                user.setEmailConfirmed(true);
                            }),
                            previous);
                });
    }

    /** The user and the new address of a link that still works; uses nothing up. */
    Optional<AccountTokens.Redeemed> inspect(String token) {
        return tokens.inspect(token, AccountTokens.Purpose.EMAIL_CHANGE).filter(found -> found.payload() != null);
    }

    private boolean taken(ApplicationUser user, String email) {
        return identity.isRequireUniqueEmail()
                && userManager
                        .findByEmail(email)
                        .filter(owner -> !owner.getId().equals(user.getId()))
                        .isPresent();
    }
}
