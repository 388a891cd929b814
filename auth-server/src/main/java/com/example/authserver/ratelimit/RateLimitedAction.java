package com.example.authserver.ratelimit;

import com.example.authserver.account.AccountPages;
import com.example.authserver.device.DevicePages;
import com.example.authserver.external.ExternalSignIn;
import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.RecentSignIn;
import com.example.authserver.security.SignedInUsers;
import com.example.authserver.twofactor.TwoFactorPages;
import java.util.function.Function;

/**
 * The requests that are rate limited: a form POST to a path, and the form field that names the account (or none,
 * when the account is the session's user).
 */
enum RateLimitedAction {
    SIGN_IN(SignedInUsers.LOGIN_PAGE, "username", RateLimitProperties::getSignIn),
    /** Linking an external login to an account proves ownership with its password: limited like a sign-in. */
    EXTERNAL_LOGIN_LINK(ExternalSignIn.EXTERNAL_LOGIN + "/link", "username", RateLimitProperties::getSignIn),
    REGISTRATION(AccountPages.REGISTER, "email", RateLimitProperties::getRegistration),
    PASSWORD_RESET(AccountPages.FORGOT_PASSWORD, "email", RateLimitProperties::getPasswordReset),
    CONFIRMATION_RESEND(AccountPages.RESEND_CONFIRMATION, "email", RateLimitProperties::getConfirmationResend),
    /** No account field: the account is the user of the session ({@link PendingSignIn#USER_ATTRIBUTE}). */
    SIGN_IN_CODE(PendingSignIn.PAGE, null, RateLimitProperties::getCodeVerification),
    /** Signing in again before a change that needs it: the password or code of the signed-in user. */
    REAUTHENTICATE(RecentSignIn.PAGE, null, RateLimitProperties::getSignIn),
    ENABLE_TWO_FACTOR_CODE(TwoFactorPages.ENABLE, null, RateLimitProperties::getCodeVerification),
    /** A user code of the device flow typed on /activate: guesses per address and per code. */
    USER_CODE(DevicePages.ACTIVATE, DevicePages.USER_CODE_FIELD, RateLimitProperties::getUserCode);

    final String path;

    final String accountField;

    final Function<RateLimitProperties, RateLimitProperties.Action> limits;

    RateLimitedAction(
            String path, String accountField, Function<RateLimitProperties, RateLimitProperties.Action> limits) {
        this.path = path;
        this.accountField = accountField;
        this.limits = limits;
    }
}
