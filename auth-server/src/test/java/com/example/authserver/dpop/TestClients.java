package com.example.authserver.dpop;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.support.OidcClient;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Clients the DPoP tests register for themselves, each with a new id (the tests share one server). */
final class TestClients {

    static final String SECRET = "dpop-test-secret-0F3C9A";

    private TestClients() {}

    /** A single-page application: public, authorization code with PKCE, refresh tokens. */
    static String publicClient(RegisteredClientRepository clients) {
        String clientId = "dpop-spa-" + UUID.randomUUID();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(OidcClient.REDIRECT_URI.toString())
                .scope("openid")
                .scope("profile")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(Duration.ofHours(1))
                        .reuseRefreshTokens(false)
                        .build())
                .build());
        return clientId;
    }

    /** A confidential client of the client credentials grant that must use DPoP. */
    static String dpopRequired(RegisteredClientRepository clients, ClientSecretHashing hashing) {
        String clientId = "dpop-required-" + UUID.randomUUID();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(hashing.encode(SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("scope1")
                .clientSettings(ClientSettings.builder()
                        .setting(DPoPClientSettings.REQUIRE_DPOP, true)
                        .build())
                .build());
        return clientId;
    }
}
