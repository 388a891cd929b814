package com.example.authserver.account.confirmation;

import com.example.authserver.authorization.UserGrants;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.twofactor.TwoFactor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Until its email address is proven, anyone may have made an account: someone who registered a victim's address
 * ahead of her (account pre-takeover) and added a way in. When the address is proven for the first time, every
 * credential added meanwhile goes: passkeys, the authenticator and its recovery codes, and (when the proof came with a
 * new password, or the account has a password to sign in with) external logins; the account's other sessions and
 * every grant end with them. The password set at registration stays unless the proof is a password reset, which
 * replaces it anyway (a confirmation takes that password: see {@link EmailConfirmation}). An account created through a
 * provider, without a password, keeps that provider's link when its address is confirmed: the confirmation took a
 * sign-in through it, and the account would have no way in otherwise.
 */
@Service
public class UnprovenCredentials {

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final Passkeys passkeys;

    private final TwoFactor twoFactor;

    private final UserGrants grants;

    UnprovenCredentials(
            UserManager userManager, UserLogins userLogins, Passkeys passkeys, TwoFactor twoFactor, UserGrants grants) {
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.passkeys = passkeys;
        this.twoFactor = twoFactor;
        this.grants = grants;
    }

    /**
     * Marks the user's address as confirmed; if it was not before, removes what was added while it was unproven.
     * {@code newPassword}: the proof came with a reset link, which sets a password (so external logins may go too).
     */
    @Transactional
    public void addressProven(String userId, boolean newPassword) {
        ApplicationUser user = userManager.findById(userId).orElseThrow();
        if (!user.isEmailConfirmed()) {
            passkeys.removeAll(userId);
            twoFactor.removeAll(userId);
            if (newPassword || user.getPasswordHash() != null) {
                userLogins.removeAll(userId);
            }
            grants.revokeAll(userId);
        }
        // a new stamp ends the other sessions and the refresh tokens issued before
        userManager.updateSecurity(userId, current -> current.setEmailConfirmed(true));
    }
}
