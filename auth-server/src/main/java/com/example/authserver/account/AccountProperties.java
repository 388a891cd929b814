package com.example.authserver.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account pages' settings, under {@code authforge.account} in application.yml (the rate limits are
 * under {@code authforge.account.rate-limits}, see {@code ratelimit/RateLimitProperties}).
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

    /**
     * How recent the last sign-in must be for the changes that could keep someone else in the account (a new passkey,
     * external login or email address, two-factor off, new recovery codes, deleting it): older, the user enters the
     * password or a code again first ({@code RecentSignIn}).
     */
    private Duration recentSignIn = Duration.ofMinutes(5);

    /** How long an email confirmation link works. */
    private Duration confirmationLinkLifetime = Duration.ofHours(24);

    /** How long a password reset link works. */
    private Duration resetLinkLifetime = Duration.ofHours(1);

    /** The sender of account emails, for example {@code AuthForge <no-reply@example.com>}. */
    private String mailFrom = "AuthForge <no-reply@localhost>";

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

    public Duration getRecentSignIn() {
        return recentSignIn;
    }

    public void setRecentSignIn(Duration recentSignIn) {
        this.recentSignIn = recentSignIn;
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

    public String getMailFrom() {
        return mailFrom;
    }

    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }
}
