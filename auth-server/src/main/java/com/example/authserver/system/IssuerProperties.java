package com.example.authserver.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The issuer identifier, {@code authforge.issuer}: unset in development, where it follows the request's host. */
@ConfigurationProperties("authforge")
public class IssuerProperties {

    /** The public URL of this server, for example https://login.example.com (required in production). */
    private String issuer;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }
}
