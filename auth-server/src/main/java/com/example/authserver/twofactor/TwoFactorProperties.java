package com.example.authserver.twofactor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Two-factor sign-in settings, under {@code authforge.two-factor} in application.yml. */
@ConfigurationProperties("authforge.two-factor")
class TwoFactorProperties {

    /** The name authenticator apps show above the user's codes. */
    private String authenticatorIssuer = "AuthForge";

    public String getAuthenticatorIssuer() {
        return authenticatorIssuer;
    }

    public void setAuthenticatorIssuer(String authenticatorIssuer) {
        this.authenticatorIssuer = authenticatorIssuer;
    }
}
