package com.example.authserver.passwordgrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Out of the box the password grant does not exist: not at the token endpoint, not in discovery, no legacy.client,
 * and refresh tokens from a time it was on no longer work.
 */
@ServerTest
class PasswordGrantDisabledTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    ClientSecretHashing secrets;

    @Test
    void theTokenEndpointDoesNotKnowTheGrant() throws Exception {
        String user = testUsers.create("no-grant").getUserName();
        for (OidcClient client : List.of(server.interactiveClient(), server.m2mClient())) {
            TokenResponse response =
                    client.token(new ResourceOwnerPasswordCredentialsGrant(user, new Secret(TestUsers.PASSWORD)), null);

            assertThat(response.indicatesSuccess()).isFalse();
            assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("unsupported_grant_type");
        }
        assertThat(clients.findByClientId("legacy.client")).isNull();
    }

    @Test
    void refreshTokensItIssuedWhileOnStopWorking() throws Exception {
        ApplicationUser user = testUsers.create("was-on");
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("legacy-" + UUID.randomUUID())
                .clientSecret(secrets.encode("legacy-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(new AuthorizationGrantType("password"))
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope("scope1")
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(false).build())
                .build();
        clients.save(client);
        String refreshToken = "refresh-" + UUID.randomUUID();
        Instant now = Instant.now();
        authorizations.save(OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName(user.getId())
                .authorizationGrantType(new AuthorizationGrantType("password"))
                .authorizedScopes(Set.of("scope1"))
                .attribute(
                        Principal.class.getName(),
                        UsernamePasswordAuthenticationToken.authenticated(
                                new User(user.getId(), "", List.of()), null, List.of()))
                .refreshToken(new OAuth2RefreshToken(refreshToken, now, now.plus(Duration.ofDays(1))))
                .build());

        TokenResponse response =
                server.client(client.getClientId(), "legacy-secret").refresh(new RefreshToken(refreshToken));

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(response.toErrorResponse().getErrorObject().getDescription())
                .isEqualTo(SwitchedOffRefresh.SWITCHED_OFF);
    }

    @Test
    void discoveryDoesNotOfferIt() {
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            assertThat(server.browser().get(document).body()).as(document).doesNotContain("\"password\"");
        }
    }
}
