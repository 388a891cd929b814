package com.example.authserver.account.confirmation;

import com.example.authserver.account.AccountProperties;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserConfirmation;
import org.springframework.stereotype.Component;

/**
 * With {@code authforge.account.require-confirmed-email: true}, a user whose email address is not confirmed
 * cannot sign in: the password check answers {@code NOT_CONFIRMED}, and the sign-in page shows its usual
 * generic error (with a link to resend the confirmation email), so nothing tells a stranger more.
 */
@Component
class ConfirmedEmailRequirement implements UserConfirmation {

    private final AccountProperties properties;

    ConfirmedEmailRequirement(AccountProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean isConfirmed(ApplicationUser user) {
        return !properties.isRequireConfirmedEmail() || user.isEmailConfirmed();
    }
}
