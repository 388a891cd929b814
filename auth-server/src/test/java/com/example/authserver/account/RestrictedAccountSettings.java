package com.example.authserver.account;

import com.example.authserver.support.ServerTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The second server of the account tests (one Spring context for every class carrying this): registration
 * off, confirmed email required, small rate limits, and no SMTP server, so emails go to the development
 * mailbox. Each rate limit is small in one dimension only, so the test classes do not use up each other's. The
 * password grant is on here (passwordgrant/PasswordGrantTests), so that its rules meet the page's limits and
 * confirmed-email rule without a server of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServerTest
@TestPropertySource(
        properties = {
            "authforge.test.smtp=false",
            "authforge.account.registration-enabled=false",
            "authforge.account.require-confirmed-email=true",
            "authforge.password-grant.enabled=true",
            "authforge.account.rate-limits.sign-in.per-account.attempts="
                    + RestrictedAccountSettings.SIGN_IN_PER_ACCOUNT,
            "authforge.account.rate-limits.password-reset.per-ip.attempts=" + RestrictedAccountSettings.RESET_PER_IP,
            "authforge.account.rate-limits.confirmation-resend.per-account.attempts="
                    + RestrictedAccountSettings.RESEND_PER_ACCOUNT,
            "authforge.account.rate-limits.code-verification.per-account.attempts="
                    + RestrictedAccountSettings.CODE_PER_ACCOUNT,
            "authforge.account.rate-limits.user-code.per-account.attempts="
                    + RestrictedAccountSettings.USER_CODE_PER_CODE,
            "authforge.account.rate-limits.user-code.per-ip.attempts=" + RestrictedAccountSettings.USER_CODE_PER_IP
        })
public @interface RestrictedAccountSettings {

    int SIGN_IN_PER_ACCOUNT = 3;

    int RESET_PER_IP = 3;

    int RESEND_PER_ACCOUNT = 2;

    int CODE_PER_ACCOUNT = 2;

    /** User codes of the device flow (device/UserCodeRateLimitTests, the only test typing them here). */
    int USER_CODE_PER_CODE = 2;

    int USER_CODE_PER_IP = 5;

    /** The period of every limit in the tests (application-test.yml). */
    String PERIOD = "1m";
}
