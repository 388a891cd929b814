package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.ResourceServers;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Only the client a token was issued to, or a resource server registered for the token's audience, learns anything by
 * introspecting it; introspecting never revokes anything.
 */
@ServerTest
class IntrospectionAccessTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing secrets;

    ApplicationUser user;

    Tokens tokens;

    @BeforeEach
    void signIn() throws Exception {
        user = testUsers.create("introspected");
        tokens = SignInFlow.signIn(
                        server.browser(),
                        server.interactiveClient(),
                        "openid profile",
                        user.getUserName(),
                        TestUsers.PASSWORD)
                .getTokens();
    }

    @Test
    void anotherClientLearnsNothingAboutAUsersToken() throws Exception {
        TokenIntrospectionSuccessResponse byStranger =
                server.m2mClient().introspect(tokens.getAccessToken()).toSuccessResponse();
        TokenIntrospectionSuccessResponse byOwner =
                server.interactiveClient().introspect(tokens.getAccessToken()).toSuccessResponse();

        assertThat(byStranger.isActive()).isFalse();
        assertThat(byStranger.getSubject()).isNull();
        assertThat(byStranger.toJSONObject()).containsOnlyKeys("active");
        assertThat(byOwner.isActive()).isTrue();
        assertThat(byOwner.getSubject().getValue()).isEqualTo(user.getId());
        assertThat(server.m2mClient()
                        .introspect(tokens.getRefreshToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
    }

    @Test
    void anotherClientIntrospectingARotatedRefreshTokenDoesNotEndTheGrant() throws Exception {
        OidcClient owner = server.interactiveClient();
        Tokens rotated =
                owner.refresh(tokens.getRefreshToken()).toSuccessResponse().getTokens();

        assertThat(server.m2mClient()
                        .introspect(tokens.getRefreshToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
        assertThat(owner.introspect(tokens.getRefreshToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();

        assertThat(owner.refresh(rotated.getRefreshToken()).indicatesSuccess())
                .as("the grant lives on")
                .isTrue();
    }

    @Test
    void aResourceServerRegisteredForTheTokensAudienceMayIntrospectIt() throws Exception {
        String secret = UUID.randomUUID().toString();
        RegisteredClient api = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("api-" + UUID.randomUUID())
                .clientSecret(secrets.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .setting(ResourceServers.AUDIENCES, OidcClient.INTERACTIVE)
                        .build())
                .build();
        clients.save(api);

        TokenIntrospectionSuccessResponse answer = server.client(api.getClientId(), secret)
                .introspect(tokens.getAccessToken())
                .toSuccessResponse();

        assertThat(answer.isActive()).isTrue();
        assertThat(answer.getSubject().getValue()).isEqualTo(user.getId());
    }
}
