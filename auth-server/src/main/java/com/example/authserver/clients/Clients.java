package com.example.authserver.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.util.StringUtils;

/**
 * THE file for scopes and clients (IdentityServer's {@code Config.cs}). Add a client to
 * {@link #developmentClients}, a scope to {@link #API_SCOPES}; they are upserted by client id at start-up
 * in development. In production, register clients with real secrets instead (see the README), for example
 * under {@code authforge.clients.configured} in application.yml ({@link #configuredClients}).
 */
public final class Clients {

    /** Scopes that release claims about the user. Which claims: {@code claims/ClaimsMapping}. */
    public static final List<String> IDENTITY_SCOPES = List.of("openid", "profile", "email");

    /** Scopes that protect your APIs. */
    public static final List<String> API_SCOPES = List.of("scope1", "scope2");

    /** Development secrets: printed in the README, refused when the {@code prod} profile is active. */
    static final String M2M_DEVELOPMENT_SECRET = "511536EF-F270-4058-80CA-1C89C192F69A";

    static final String INTERACTIVE_DEVELOPMENT_SECRET = "49C1A7E1-0C79-4A89-A3D6-A37998FB86B0";

    private Clients() {}

    /** The development clients, with their secrets already hashed by {@code hashing}. One method per client. */
    static List<RegisteredClient> developmentClients(ClientProperties properties, ClientSecretHashing hashing) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(m2m(hashing));
        clients.add(interactive(properties, hashing));
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
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile", "email", "scope2")))
                .clientSettings(logoutSettings(
                                ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true),
                                properties.getInteractive())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                        .accessTokenTimeToLive(Duration.ofMinutes(15))
                        .refreshTokenTimeToLive(Duration.ofDays(30))
                        // required: refresh tokens rotate (the store keeps only their hashes)
                        .reuseRefreshTokens(false)
                        .build())
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
                    .tokenSettings(TokenSettings.builder()
                            .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                            .accessTokenTimeToLive(Duration.ofMinutes(15))
                            .refreshTokenTimeToLive(Duration.ofDays(30))
                            .reuseRefreshTokens(false)
                            .build())
                    .build());
        });
        return clients;
    }
}
