package ${package}.account.ratelimit;

import java.util.function.Function;

import ${package}.account.AccountPages;

/** The requests that are rate limited: a form POST to a path, and the form field that names the account. */
enum RateLimitedAction {

    SIGN_IN("/login", "username", RateLimitProperties::getSignIn),
    REGISTRATION(AccountPages.REGISTER, "email", RateLimitProperties::getRegistration),
    PASSWORD_RESET(AccountPages.FORGOT_PASSWORD, "email", RateLimitProperties::getPasswordReset),
    CONFIRMATION_RESEND(AccountPages.RESEND_CONFIRMATION, "email", RateLimitProperties::getConfirmationResend);

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
