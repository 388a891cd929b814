package com.example.authserver.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How recent a sign-in must be for the guarded changes ({@link RecentSignIn}), under {@code authforge.account}. */
@ConfigurationProperties("authforge.account")
public class RecentSignInProperties {

    /**
     * How recent the last sign-in must be for the changes that could keep someone else in the account (a new passkey,
     * external login or email address, two-factor off, new recovery codes, deleting it): older, the user enters the
     * password or a code again first.
     */
    private Duration recentSignIn = Duration.ofMinutes(5);

    public Duration getRecentSignIn() {
        return recentSignIn;
    }

    public void setRecentSignIn(Duration recentSignIn) {
        this.recentSignIn = recentSignIn;
    }
}
