package com.example.authserver.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who may use the admin console beyond the {@code admin} role, under {@code authforge.admin}. */
@ConfigurationProperties("authforge.admin")
public class AdminProperties {

    /**
     * How recent the administrator's last sign-in factor must be for any admin page: older, the password (or a code)
     * is asked again and the page opens after it.
     */
    private Duration recentSignIn = Duration.ofMinutes(15);

    /**
     * Whether the admin pages need a sign-in with a second factor (an authenticator code, or a passkey, which verifies
     * the user itself). True in the prod profile.
     */
    private boolean requireSecondFactor = false;

    public Duration getRecentSignIn() {
        return recentSignIn;
    }

    public void setRecentSignIn(Duration recentSignIn) {
        this.recentSignIn = recentSignIn;
    }

    public boolean isRequireSecondFactor() {
        return requireSecondFactor;
    }

    public void setRequireSecondFactor(boolean requireSecondFactor) {
        this.requireSecondFactor = requireSecondFactor;
    }
}
