package com.example.authserver.clients;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.util.StringUtils;

/**
 * THE file for scopes and clients (IdentityServer's {@code Config.cs}). Add a client to
 * {@link #developmentClients}, an API and its scopes to {@link #developmentResources}; they are upserted at start-up
 * in development. In production, register clients with real secrets instead (see the README), for example
 * under {@code authforge.clients.configured} in application.yml ({@link #configuredClients}).
 */
public final class Clients {

    /**
     * Scopes that administer this server (SCIM provisioning, {@code scim/}): only for clients an administrator
     * configures or creates in the console, never named on an initial access token nor given to a client that
     * registered itself.
     */
    public static final Set<String> ADMINISTRATION_SCOPES = Set.of("scim", "admin");

    /** Scopes that release claims about the user. Which claims: {@code claims/ClaimsMapping}. */
    public static final List<String> IDENTITY_SCOPES = List.of("openid", "profile", "email");

    /** The development API: an HTTP API on port 8081 (its URI, trailing slash included, is its tokens' audience). */
    public static final String DEVELOPMENT_API = "http://127.0.0.1:8081/";

    /** The development MCP server (the README's walkthrough). */
    public static final String DEVELOPMENT_MCP_SERVER = "http://127.0.0.1:8090/mcp";

    static final String API_DEVELOPMENT_SECRET = "7D6C5B4A-3928-4716-A5B4-C3D2E1F00918";

    /** Development secrets: printed in the README, refused when the {@code prod} profile is active. */
    static final String M2M_DEVELOPMENT_SECRET = "511536EF-F270-4058-80CA-1C89C192F69A";

    static final String INTERACTIVE_DEVELOPMENT_SECRET = "49C1A7E1-0C79-4A89-A3D6-A37998FB86B0";

    static final String EXCHANGE_DEVELOPMENT_SECRET = "4A5F0F5E-6F1B-4C1E-9E0B-7E1E2B4F3C2D";

    static final String LEGACY_DEVELOPMENT_SECRET = "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0";

    /** The audience {@code exchange.client} may ask exchanged tokens for: the API it calls for the user. */
    static final String DOWNSTREAM_API = "downstream-api";

    /** The opt-in password grant's setting (passwordgrant/PasswordGrantProperties): {@code legacy.client} needs it. */
    static final String PASSWORD_GRANT_ENABLED = "authforge.password-grant.enabled";

    static final String CIBA_DEVELOPMENT_SECRET = "8B0C5E1D-2F3A-4B6C-9D7E-1A2B3C4D5E6F";

    /** OpenID Connect CIBA (client-initiated backchannel authentication), served by the ciba package. */
    static final AuthorizationGrantType CIBA = new AuthorizationGrantType("urn:openid:params:grant-type:ciba");

    static final String PAR_DEVELOPMENT_SECRET = "C3D2E1F0-A9B8-4C7D-8E6F-5A4B3C2D1E0F";

    static final String SCIM_DEVELOPMENT_SECRET = "5E4D3C2B-1A09-4F8E-9D7C-6B5A49382716";

    /** {@code requests/RequestSettings.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS} (this package may not depend on it). */
    private static final String REQUIRE_PUSHED_AUTHORIZATION_REQUESTS =
            "settings.client.require-pushed-authorization-requests";

    /** {@code requests/RequestSettings.JWKS}: the client's keys for signed request objects. */
    private static final String REQUEST_OBJECT_JWKS = "settings.client.jwks";

    private Clients() {}

    /**
     * The APIs this server issues tokens for in development (IdentityServer's API resources), upserted by URI at
     * start-up like the clients: {@code api} owns {@code scope1} and {@code scope2} and introspects with its secret;
     * {@code mcp} owns {@code mcp:tools}, which clients that register themselves may ask for.
     */
    static List<ApiResource> developmentResources(ClientSecretHashing hashing) {
        return List.of(
                new ApiResource(
                        DEVELOPMENT_API,
                        "api",
                        "Development API",
                        Set.of("scope1", "scope2"),
                        Set.of(),
                        hashing.encode(API_DEVELOPMENT_SECRET),
                        OAuth2TokenFormat.SELF_CONTAINED),
                new ApiResource(
                        DEVELOPMENT_MCP_SERVER,
                        "mcp",
                        "Development MCP server",
                        Set.of("mcp:tools"),
                        Set.of("mcp:tools"),
                        null,
                        OAuth2TokenFormat.SELF_CONTAINED));
    }

    /**
     * The API resources of {@code authforge.clients.resources}, upserted by URI at start-up in every profile
     * ({@code ClientSeeder}). A resource without an absolute URI (no fragment) or without scopes stops the start-up.
     */
    static List<ApiResource> configuredResources(ClientProperties properties, ClientSecretHashing hashing) {
        List<ApiResource> resources = new ArrayList<>();
        properties.getResources().forEach((name, resource) -> {
            String prefix = "authforge.clients.resources." + name;
            URI uri = StringUtils.hasText(resource.getUri()) ? URI.create(resource.getUri()) : null;
            if (uri == null || !uri.isAbsolute() || uri.getRawFragment() != null) {
                throw new InvalidConfigurationPropertyValueException(
                        prefix + ".uri", resource.getUri(), "an absolute URI without fragment is required");
            }
            if (resource.getScopes().isEmpty()) {
                throw new InvalidConfigurationPropertyValueException(
                        prefix + ".scopes", null, "an API resource owns at least one scope");
            }
            resources.add(new ApiResource(
                    resource.getUri(),
                    name,
                    StringUtils.hasText(resource.getDisplayName()) ? resource.getDisplayName() : name,
                    Set.copyOf(resource.getScopes()),
                    Set.copyOf(resource.getRegistrationScopes()),
                    StringUtils.hasText(resource.getIntrospectionSecret())
                            ? hashing.encode(resource.getIntrospectionSecret())
                            : null,
                    resource.isReferenceTokens() ? OAuth2TokenFormat.REFERENCE : OAuth2TokenFormat.SELF_CONTAINED));
        });
        return resources;
    }

    /**
     * The development clients, with their secrets already hashed by {@code hashing}. One method per client;
     * {@code legacy.client} only with the password grant switched on ({@value #PASSWORD_GRANT_ENABLED}).
     */
    static List<RegisteredClient> developmentClients(
            ClientProperties properties, ClientSecretHashing hashing, boolean passwordGrantEnabled) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(m2m(hashing));
        clients.add(interactive(properties, hashing));
        clients.add(exchange(hashing));
        if (passwordGrantEnabled) {
            clients.add(legacy(hashing));
        }
        clients.add(device());
        clients.add(ciba(hashing));
        clients.add(pushedRequests(hashing));
        clients.add(scim(hashing));
        return clients;
    }

    private static RegisteredClient m2m(ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("m2m.client")
                .clientName("Machine to machine client")
                .clientSecret(hashing.encode(M2M_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("scope1")
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofHours(1))
                        .build())
                .build();
    }

    private static RegisteredClient interactive(ClientProperties properties, ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("interactive")
                .clientName("Interactive client")
                .clientSecret(hashing.encode(INTERACTIVE_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1:8080/login/oauth2/code/interactive")
                .redirectUris(uris -> uris.addAll(properties.getInteractive().getRedirectUris()))
                .postLogoutRedirectUri("http://127.0.0.1:8080/")
                .postLogoutRedirectUris(
                        uris -> uris.addAll(properties.getInteractive().getPostLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile", "email", "scope1", "scope2", "mcp:tools")))
                .clientSettings(interactiveSettings(properties))
                .tokenSettings(userTokens().build())
                .build();
    }

    /**
     * An API that calls another API for its users (token exchange, RFC 8693): it exchanges a user's access token
     * issued to {@code interactive} for a {@code scope2} token for the same user, for the development API (the
     * audience of {@code scope2}, or named as {@code resource}) or for {@value #DOWNSTREAM_API}. With its own client-credentials token as the actor token, the new token names it in
     * {@code act} (delegation); without, the token is simply the user's (impersonation).
     */
    private static RegisteredClient exchange(ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("exchange.client")
                .clientName("Token exchange client")
                .clientSecret(hashing.encode(EXCHANGE_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("scope2")
                .clientSettings(ClientSettings.builder()
                        .setting(TokenExchangeSettings.SUBJECT_CLIENTS, "interactive")
                        .setting(TokenExchangeSettings.AUDIENCES, DOWNSTREAM_API + " " + DEVELOPMENT_API)
                        .setting(TokenExchangeSettings.ADDED_SCOPES, "scope2")
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(15))
                        .build())
                .build();
    }

    /**
     * A legacy application that still collects its users' passwords (the resource owner password grant, opt-in:
     * see the README before using it).
     */
    private static RegisteredClient legacy(ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("legacy.client")
                .clientName("Legacy client (password grant)")
                .clientSecret(hashing.encode(LEGACY_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(new AuthorizationGrantType("password"))
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile", "scope1")))
                .tokenSettings(userTokens().build())
                .build();
    }

    /**
     * A device without a browser or keyboard (a TV, a command-line tool): device authorization grant (RFC 8628), a
     * public client (it cannot keep a secret), with rotating refresh tokens.
     */
    private static RegisteredClient device() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("device")
                .clientName("Device client")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile", "email", "scope1")))
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(userTokens()
                        .deviceCodeTimeToLive(Duration.ofMinutes(10))
                        .build())
                .build();
    }

    /**
     * CIBA in poll mode: starts a request at /oauth2/bc-authorize for a user named by login_hint, who approves it on
     * /ciba, and polls the token endpoint. No redirect URI: the user is on another device.
     */
    private static RegisteredClient ciba(ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("ciba.client")
                .clientName("CIBA client")
                .clientSecret(hashing.encode(CIBA_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(CIBA)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile", "scope1")))
                .tokenSettings(userTokens().build())
                .build();
    }

    private static ClientSettings interactiveSettings(ClientProperties properties) {
        ClientSettings.Builder settings = logoutSettings(
                ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true),
                properties.getInteractive());
        if (StringUtils.hasText(properties.getInteractive().getJwks())) {
            settings.setting(REQUEST_OBJECT_JWKS, properties.getInteractive().getJwks());
        }
        return settings.build();
    }

    /**
     * A provisioning system (an HR directory, Entra ID, Okta) calling the SCIM endpoints ({@code scim/}) with its own
     * client-credentials token: scope {@code scim} creates, changes and removes users and role memberships, but not
     * administrators (that takes scope {@code admin}).
     */
    private static RegisteredClient scim(ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("scim.client")
                .clientName("SCIM provisioning client")
                .clientSecret(hashing.encode(SCIM_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("scim")
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(15))
                        .build())
                .build();
    }

    /** A web application that must push its authorization requests first (RFC 9126, {@code requests/}). */
    private static RegisteredClient pushedRequests(ClientSecretHashing hashing) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("par.client")
                .clientName("Pushed authorization requests client")
                .clientSecret(hashing.encode(PAR_DEVELOPMENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1:8080/login/oauth2/code/par")
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile")))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .setting(REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, true)
                        .build())
                .tokenSettings(userTokens().build())
                .build();
    }

    /**
     * The client's logout URIs, under the names of OpenID Connect registration (the constants of
     * logout/LogoutClientSettings, which this package cannot see): {@code backchannel_logout_uri} and
     * {@code frontchannel_logout_uri}, each with its "session required" flag, as {@code sid} is always sent.
     */
    private static ClientSettings.Builder logoutSettings(
            ClientSettings.Builder settings, ClientProperties.Interactive interactive) {
        if (interactive.getBackchannelLogoutUri() != null
                && !interactive.getBackchannelLogoutUri().isBlank()) {
            settings.setting("backchannel_logout_uri", interactive.getBackchannelLogoutUri())
                    .setting("backchannel_logout_session_required", true);
        }
        if (interactive.getFrontchannelLogoutUri() != null
                && !interactive.getFrontchannelLogoutUri().isBlank()) {
            settings.setting("frontchannel_logout_uri", interactive.getFrontchannelLogoutUri())
                    .setting("frontchannel_logout_session_required", true);
        }
        return settings;
    }

    /**
     * The lifetimes of a user's tokens, for every client that acts for users: 5-minute codes, 15-minute access
     * tokens, 30-day refresh tokens that rotate (required: the store keeps only their hashes). Clients that register
     * themselves or publish a metadata document get the same.
     */
    public static TokenSettings.Builder userTokens() {
        return TokenSettings.builder()
                .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                .accessTokenTimeToLive(Duration.ofMinutes(15))
                .refreshTokenTimeToLive(Duration.ofDays(30))
                .reuseRefreshTokens(false);
    }

    /**
     * The clients of {@code authforge.clients.configured}, upserted by client id at start-up in every profile
     * ({@code ClientSeeder}): authorization code with PKCE and rotating refresh tokens, like
     * {@code interactive}. A client without secret, redirect URI or {@code openid} scope stops the start-up.
     */
    static List<RegisteredClient> configuredClients(ClientProperties properties, ClientSecretHashing hashing) {
        List<RegisteredClient> clients = new ArrayList<>();
        properties.getConfigured().forEach((clientId, client) -> {
            String prefix = "authforge.clients.configured." + clientId;
            if (!StringUtils.hasText(client.getSecret())) {
                throw new InvalidConfigurationPropertyValueException(
                        prefix + ".secret", null, "a client secret is required");
            }
            if (client.getRedirectUris().isEmpty()) {
                throw new InvalidConfigurationPropertyValueException(
                        prefix + ".redirect-uris", null, "at least one redirect URI is required");
            }
            if (!client.getScopes().contains("openid")) {
                throw new InvalidConfigurationPropertyValueException(
                        prefix + ".scopes", client.getScopes(), "the scopes must include openid");
            }
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(clientId)
                    .clientName(StringUtils.hasText(client.getName()) ? client.getName() : clientId)
                    .clientSecret(hashing.encode(client.getSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(client.getRedirectUris()))
                    .scopes(scopes -> scopes.addAll(client.getScopes()))
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(client.isRequireConsent())
                            .build())
                    .tokenSettings(userTokens().build())
                    .build());
        });
        return clients;
    }
}
