package com.example.authserver.external;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The upstream OpenID Connect providers users may sign in with, {@code authforge.external-logins} in
 * application.yml: one entry per provider, keyed by its id (the {@code login_provider} of its links in
 * {@code user_logins}, and the last part of its redirect URI, {@code /login/oauth2/code/<id>}). None by default.
 */
@ConfigurationProperties("authforge")
public class ExternalLoginProperties {

    /**
     * Upstream OpenID Connect providers users may also sign in with, keyed by the provider's id: one "Sign in with
     * (display name)" button each. Register this server at the provider with the redirect URI
     * https://(this server)/login/oauth2/code/(id).
     */
    private Map<String, Provider> externalLogins = new LinkedHashMap<>();

    public Map<String, Provider> getExternalLogins() {
        return externalLogins;
    }

    public void setExternalLogins(Map<String, Provider> externalLogins) {
        this.externalLogins = externalLogins;
    }

    /** One upstream provider. */
    public static class Provider {

        /** The name on the sign-in button: "Sign in with (display name)". */
        private String displayName;

        /** The provider's issuer identifier; its discovery document is read from there on first use. */
        private String issuerUri;

        /** This server's client id at the provider. */
        private String clientId;

        /** This server's client secret at the provider (better from the environment or a secret store). */
        private String clientSecret;

        /** The scopes asked for; {@code openid} is required. */
        private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }
    }
}
