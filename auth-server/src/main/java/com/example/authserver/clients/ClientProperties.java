package com.example.authserver.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Client settings from application.yml, under {@code authforge.clients}. */
@ConfigurationProperties("authforge.clients")
public class ClientProperties {

    private final Interactive interactive = new Interactive();

    /**
     * How long a registered client read from the database is reused before it is read again (0: every request reads
     * it). Every token request reads its client; with several instances, a change made through another instance is
     * seen within this time.
     */
    private Duration cacheTimeToLive = Duration.ofSeconds(30);

    /** Clients registered from configuration, in every profile, keyed by client id ({@link Clients#configuredClients}). */
    private Map<String, Configured> configured = new LinkedHashMap<>();

    /**
     * API resources from configuration, in every profile, keyed by name (the HTTP Basic user name they introspect
     * with): upserted by URI at start-up ({@link Clients#configuredResources}).
     */
    private Map<String, Resource> resources = new LinkedHashMap<>();

    public Map<String, Resource> getResources() {
        return resources;
    }

    public void setResources(Map<String, Resource> resources) {
        this.resources = resources;
    }

    public Duration getCacheTimeToLive() {
        return cacheTimeToLive;
    }

    public void setCacheTimeToLive(Duration cacheTimeToLive) {
        this.cacheTimeToLive = cacheTimeToLive;
    }

    public Interactive getInteractive() {
        return interactive;
    }

    public Map<String, Configured> getConfigured() {
        return configured;
    }

    public void setConfigured(Map<String, Configured> configured) {
        this.configured = configured;
    }

    /** The {@code interactive} development client. */
    public static class Interactive {

        /** Redirect URIs allowed in addition to http://127.0.0.1:8080/login/oauth2/code/interactive. */
        private List<String> redirectUris = new ArrayList<>();

        /**
         * Post-logout redirect URIs allowed in addition to http://127.0.0.1:8080/ (the samples' web application on
         * another port, for example).
         */
        private List<String> postLogoutRedirectUris = new ArrayList<>();

        /**
         * The public keys (a JWK Set, as JSON) the client signs its request objects with (RFC 9101: the request
         * parameter, RS256, PS256 or ES256). Unset: the client sends no signed request objects.
         */
        private String jwks;

        /**
         * Where the client receives logout tokens when a session it was authorized in ends (OpenID Connect
         * Back-Channel Logout); empty for none. The default is where Spring Security's OAuth2 client listens.
         */
        private String backchannelLogoutUri = "http://127.0.0.1:8080/logout/connect/back-channel/interactive";

        /** The page the signed-out page loads in a hidden frame (OpenID Connect Front-Channel Logout); unset for none. */
        private String frontchannelLogoutUri;

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public List<String> getPostLogoutRedirectUris() {
            return postLogoutRedirectUris;
        }

        public void setPostLogoutRedirectUris(List<String> postLogoutRedirectUris) {
            this.postLogoutRedirectUris = postLogoutRedirectUris;
        }

        public String getBackchannelLogoutUri() {
            return backchannelLogoutUri;
        }

        public void setBackchannelLogoutUri(String backchannelLogoutUri) {
            this.backchannelLogoutUri = backchannelLogoutUri;
        }

        public String getFrontchannelLogoutUri() {
            return frontchannelLogoutUri;
        }

        public void setFrontchannelLogoutUri(String frontchannelLogoutUri) {
            this.frontchannelLogoutUri = frontchannelLogoutUri;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public String getJwks() {
            return jwks;
        }

        public void setJwks(String jwks) {
            this.jwks = jwks;
        }
    }

    /**
     * A web application that signs its users in here with the authorization code flow (PKCE, refresh tokens): for
     * example another AuthForge server whose {@code authforge.external-logins} names this one.
     */
    public static class Configured {

        /** The name shown on the consent page; the client id when unset. */
        private String name;

        /** The client secret (stored hashed); use a long random value, from an environment variable in production. */
        private String secret;

        private List<String> redirectUris = new ArrayList<>();

        private List<String> scopes = new ArrayList<>(List.of("openid", "profile", "email"));

        /** Whether the user is asked to consent. */
        private boolean requireConsent = true;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public boolean isRequireConsent() {
            return requireConsent;
        }

        public void setRequireConsent(boolean requireConsent) {
            this.requireConsent = requireConsent;
        }
    }

    /** An API that accepts this server's access tokens ({@link ApiResource}). */
    public static class Resource {

        /** The audience of its tokens (RFC 8707 resource): an absolute URI without fragment, exactly as written. */
        private String uri;

        /** Shown on consent pages; the name when unset. */
        private String displayName;

        /** The scopes it owns; a scope belongs to at most one resource. */
        private List<String> scopes = new ArrayList<>();

        /** Those of its scopes that dynamically registered clients may ask for. */
        private List<String> registrationScopes = new ArrayList<>();

        /** The secret it introspects with (stored hashed); unset: it does not introspect. */
        private String introspectionSecret;

        /** Whether its access tokens are JWTs (RFC 9068) or opaque reference tokens (clients need that format). */
        private boolean referenceTokens;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public List<String> getRegistrationScopes() {
            return registrationScopes;
        }

        public void setRegistrationScopes(List<String> registrationScopes) {
            this.registrationScopes = registrationScopes;
        }

        public String getIntrospectionSecret() {
            return introspectionSecret;
        }

        public void setIntrospectionSecret(String introspectionSecret) {
            this.introspectionSecret = introspectionSecret;
        }

        public boolean isReferenceTokens() {
            return referenceTokens;
        }

        public void setReferenceTokens(boolean referenceTokens) {
            this.referenceTokens = referenceTokens;
        }
    }
}
