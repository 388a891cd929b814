package com.example.authserver.passwordgrant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The resource owner password grant ({@link PasswordGrant}), under {@code authforge.password-grant}. */
@ConfigurationProperties("authforge.password-grant")
public class PasswordGrantProperties {

    /**
     * Whether the token endpoint takes the resource owner password grant (grant_type=password) from clients
     * registered with it. Off by default: the client sees the user's password, and users with a second factor cannot
     * use it. For legacy clients only, until they move to the authorization code flow (see the README).
     */
    private boolean enabled = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
