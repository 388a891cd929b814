package com.example.authserver.passkeys;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passkey settings, under {@code authforge.passkeys} in application.yml. Unset, the relying party follows the issuer
 * ({@code authforge.issuer}): its host is the relying party id and its origin the one allowed origin; in development,
 * without an issuer, passkeys belong to {@code localhost} and this server's own port ({@link RelyingParty}).
 */
@ConfigurationProperties("authforge.passkeys")
class PasskeyProperties {

    /** The name browsers and authenticators show when a passkey is created. */
    private String rpName = "AuthForge";

    /** The relying party id: the domain passkeys are bound to (the issuer's host, or a parent domain of it). */
    private String rpId;

    /** The origins (scheme, host, port) of the pages that create and use passkeys. */
    private List<String> allowedOrigins = new ArrayList<>();

    public String getRpName() {
        return rpName;
    }

    public void setRpName(String rpName) {
        this.rpName = rpName;
    }

    public String getRpId() {
        return rpId;
    }

    public void setRpId(String rpId) {
        this.rpId = rpId;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }
}
