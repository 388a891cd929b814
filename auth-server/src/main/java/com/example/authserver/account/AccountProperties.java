package com.example.authserver.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account pages' settings, under {@code authforge.account} in application.yml (the rate limits are
 * under {@code authforge.account.rate-limits}, see {@code ratelimit/RateLimitProperties}; the recent sign-in in
 * {@code security/RecentSignInProperties}; the sender of emails in {@code mail/MailProperties}).
 */
@ConfigurationProperties("authforge.account")
public class AccountProperties {

    /** Whether visitors may create accounts (/account/register); when off, the page does not exist. */
    private boolean registrationEnabled = true;

    /**
     * Whether a user must confirm the email address before signing in, by password, passkey or external login. On by
     * default: an unconfirmed account may have been made by someone else with the address of its future owner.
     */
    private boolean requireConfirmedEmail = true;

    /** How long an email confirmation link works. */
    private Duration confirmationLinkLifetime = Duration.ofHours(24);

    /** How long a password reset link works. */
    private Duration resetLinkLifetime = Duration.ofHours(1);

    public boolean isRegistrationEnabled() {
        return registrationEnabled;
    }

    public void setRegistrationEnabled(boolean registrationEnabled) {
        this.registrationEnabled = registrationEnabled;
    }

    public boolean isRequireConfirmedEmail() {
        return requireConfirmedEmail;
    }

    public void setRequireConfirmedEmail(boolean requireConfirmedEmail) {
        this.requireConfirmedEmail = requireConfirmedEmail;
    }

    public Duration getConfirmationLinkLifetime() {
        return confirmationLinkLifetime;
    }

    public void setConfirmationLinkLifetime(Duration confirmationLinkLifetime) {
        this.confirmationLinkLifetime = confirmationLinkLifetime;
    }

    public Duration getResetLinkLifetime() {
        return resetLinkLifetime;
    }

    public void setResetLinkLifetime(Duration resetLinkLifetime) {
        this.resetLinkLifetime = resetLinkLifetime;
    }
}
