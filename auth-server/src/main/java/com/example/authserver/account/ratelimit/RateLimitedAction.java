package com.example.authserver.account.ratelimit;

import java.util.function.Function;

import com.example.authserver.account.AccountPages;

/**
 * The requests that are rate limited: a form POST to a path, and the form field that names the account (or none,
 * when the account is the session's user).
 */
enum RateLimitedAction {

    SIGN_IN("/login", "username", RateLimitProperties::getSignIn),
    /** Linking an external login to an account proves ownership with its password: limited like a sign-in. */
    EXTERNAL_LOGIN_LINK(AccountPages.EXTERNAL_LOGIN + "/link", "username", RateLimitProperties::getSignIn),
    REGISTRATION(AccountPages.REGISTER, "email", RateLimitProperties::getRegistration),
    PASSWORD_RESET(AccountPages.FORGOT_PASSWORD, "email", RateLimitProperties::getPasswordReset),
    CONFIRMATION_RESEND(AccountPages.RESEND_CONFIRMATION, "email", RateLimitProperties::getConfirmationResend),
    /** No account field: the account is the user of the session ({@link RateLimits#ACCOUNT_ATTRIBUTE}). */
    SIGN_IN_CODE("/login/two-factor", null, RateLimitProperties::getCodeVerification),
    /** Signing in again before a change that needs it: the password or code of the signed-in user. */
    REAUTHENTICATE(AccountPages.REAUTHENTICATE, null, RateLimitProperties::getSignIn),
    ENABLE_TWO_FACTOR_CODE(AccountPages.TWO_FACTOR_ENABLE, null, RateLimitProperties::getCodeVerification);

    final String path;

    final String accountField;

    final Function<RateLimitProperties, RateLimitProperties.Action> limits;

    RateLimitedAction(String path, String accountField,
            Function<RateLimitProperties, RateLimitProperties.Action> limits) {
        this.path = path;
        this.accountField = accountField;
        this.limits = limits;
    }
}
