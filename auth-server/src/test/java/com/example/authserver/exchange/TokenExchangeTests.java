package com.example.authserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.TokenExchangeSettings;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Token exchange (RFC 8693) by {@code exchange.client}, played by the Nimbus SDK: a user's access token issued to
 * {@code interactive} becomes a {@code scope2} token for the same user, and nothing else does.
 */
@ServerTest
class TokenExchangeTests {

    static final String EXCHANGE = "exchange.client";

    static final String EXCHANGE_SECRET = "4A5F0F5E-6F1B-4C1E-9E0B-7E1E2B4F3C2D";

    static final Scope SCOPE2 = new Scope("scope2");

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing secrets;

    OidcClient exchangeClient;

    @BeforeEach
    void setUp() {
        exchangeClient = server.client(EXCHANGE, EXCHANGE_SECRET);
    }

    @Test
    void impersonationGivesAScope2TokenForTheSameUserWithoutAct() throws Exception {
        ApplicationUser user = testUsers.create("exchange");
        OIDCTokens userTokens = signIn(user);

        TokenResponse response = exchangeClient.token(grant(userTokens.getAccessToken()), SCOPE2);

        JWTClaimsSet claims = claimsOf(success(response));
        assertThat(claims.getSubject()).isEqualTo(user.getId());
        assertThat(claims.getStringClaim("scope")).isEqualTo("scope2");
        assertThat(claims.getAudience()).as("the API owning scope2").containsExactly("http://127.0.0.1:8081/");
        assertThat(claims.getClaim("act")).isNull();
        assertThat(success(response).getIssuedTokenType()).isEqualTo(TokenTypeURI.ACCESS_TOKEN);
    }

    @Test
    void delegationNamesTheClientInAct() throws Exception {
        ApplicationUser user = testUsers.create("delegation");
        OIDCTokens userTokens = signIn(user);
        AccessToken actorToken = success(exchangeClient.clientCredentials(""));

        TokenResponse response = exchangeClient.token(
                new TokenExchangeGrant(
                        userTokens.getAccessToken(),
                        TokenTypeURI.ACCESS_TOKEN,
                        actorToken,
                        TokenTypeURI.ACCESS_TOKEN,
                        null,
                        null),
                SCOPE2);

        JWTClaimsSet claims = claimsOf(success(response));
        assertThat(claims.getSubject()).isEqualTo(user.getId());
        assertThat(claims.getJSONObjectClaim("act")).isEqualTo(Map.of("sub", EXCHANGE));
        assertThat(claims.getStringClaim("scope")).isEqualTo("scope2");
    }

    @Test
    void theTokenIsForTheAudienceTheClientMayAskFor() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("audience"));

        TokenResponse allowed = exchangeClient.token(audienceGrant(userTokens, "downstream-api"), SCOPE2);
        TokenResponse other = exchangeClient.token(audienceGrant(userTokens, "payments-api"), SCOPE2);

        assertThat(claimsOf(success(allowed)).getAudience()).containsExactly("downstream-api");
        assertError(other, "invalid_target");
    }

    @Test
    void scopesBeyondTheClientsAreRefused() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("escalation"));

        assertError(exchangeClient.token(grant(userTokens.getAccessToken()), new Scope("scope1")), "invalid_scope");
        assertError(
                exchangeClient.token(grant(userTokens.getAccessToken()), new Scope("scope2", "openid")),
                "invalid_scope");
    }

    @Test
    void withoutAddedScopesOnlyTheSubjectTokensScopesCanBeHad() throws Exception {
        String strict = "exchange.strict-" + UUID.randomUUID();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(strict)
                .clientSecret(secrets.encode("strict-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
                .scopes(scopes -> scopes.addAll(List.of("profile", "scope2")))
                .clientSettings(ClientSettings.builder()
                        .setting(TokenExchangeSettings.SUBJECT_CLIENTS, OidcClient.INTERACTIVE)
                        .build())
                .build());
        OidcClient strictClient = server.client(strict, "strict-secret");
        OIDCTokens userTokens = SignInFlow.signIn(
                        server.browser(),
                        server.interactiveClient(),
                        "openid profile",
                        testUsers.create("strict").getUserName(),
                        TestUsers.PASSWORD)
                .getOIDCTokens();

        assertError(strictClient.token(grant(userTokens.getAccessToken()), SCOPE2), "invalid_scope");
        assertThat(claimsOf(success(strictClient.token(grant(userTokens.getAccessToken()), null)))
                        .getStringClaim("scope"))
                .as("no scope asked for: the subject token's that the client has")
                .isEqualTo("profile");
    }

    @Test
    void aTokenOfAClientNotNamedInTheSettingsCannotBeExchanged() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("other-client"));
        AccessToken exchanged = success(exchangeClient.token(grant(userTokens.getAccessToken()), SCOPE2));
        AccessToken machineToken = success(server.m2mClient().clientCredentials("scope1"));

        assertError(exchangeClient.token(grant(exchanged), SCOPE2), "invalid_request");
        assertError(exchangeClient.token(grant(machineToken), SCOPE2), "invalid_request");
    }

    @Test
    void aRevokedSubjectTokenIsRefused() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("revoked"));
        assertThat(server.interactiveClient()
                        .revoke(userTokens.getAccessToken())
                        .getStatusCode())
                .isEqualTo(200);

        assertError(exchangeClient.token(grant(userTokens.getAccessToken()), SCOPE2), "invalid_request");
    }

    @Test
    void anExpiredSubjectTokenIsRefused() throws Exception {
        ApplicationUser user = testUsers.create("expired");
        String expired = "expired-" + UUID.randomUUID();
        Instant issuedAt = Instant.now().minus(Duration.ofHours(1));
        User principal = new User(user.getId(), "", List.of());
        authorizations.save(OAuth2Authorization.withRegisteredClient(clients.findByClientId(OidcClient.INTERACTIVE))
                .id(UUID.randomUUID().toString())
                .principalName(user.getId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("scope2"))
                .attribute(
                        Principal.class.getName(),
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()))
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        expired,
                        issuedAt,
                        issuedAt.plus(Duration.ofMinutes(15)),
                        Set.of("scope2")))
                .build());

        TokenResponse response = exchangeClient.token(grant(new BearerAccessToken(expired)), SCOPE2);

        assertError(response, "invalid_request");
        assertThat(response.toErrorResponse().getErrorObject().getDescription()).contains("expired");
    }

    @Test
    void theTokenOfADisabledUserIsRefused() throws Exception {
        ApplicationUser user = testUsers.create("disabled");
        OIDCTokens userTokens = signIn(user);
        ApplicationUser current = userManager.findById(user.getId()).orElseThrow();
        current.setEnabled(false);
        userManager.update(current);

        assertInactiveUser(exchangeClient.token(grant(userTokens.getAccessToken()), SCOPE2));
    }

    @Test
    void theTokenOfALockedOutUserIsRefused() throws Exception {
        ApplicationUser user = testUsers.create("locked");
        OIDCTokens userTokens = signIn(user);
        for (int attempt = 0; attempt < 20; attempt++) {
            if (userManager.checkPassword(user.getId(), "wrong-password") == PasswordCheckResult.LOCKED_OUT) {
                break;
            }
        }

        assertInactiveUser(exchangeClient.token(grant(userTokens.getAccessToken()), SCOPE2));
    }

    @Test
    void aTokenIssuedBeforeThePasswordChangedIsRefused() throws Exception {
        ApplicationUser user = testUsers.create("changed");
        OIDCTokens userTokens = signIn(user);
        userManager.changePassword(user, TestUsers.PASSWORD, "Another-Horse-7-" + UUID.randomUUID());

        assertInactiveUser(exchangeClient.token(grant(userTokens.getAccessToken()), SCOPE2));
    }

    @Test
    void refreshIdAndGarbageTokensAreNotSubjectTokens() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("kinds"));

        assertError(
                exchangeClient.token(
                        new TokenExchangeGrant(userTokens.getRefreshToken(), TokenTypeURI.ACCESS_TOKEN), SCOPE2),
                "invalid_request");
        assertError(
                exchangeClient.token(
                        new TokenExchangeGrant(
                                new TypelessAccessToken(userTokens.getIDTokenString()), TokenTypeURI.JWT),
                        SCOPE2),
                "invalid_request");
        assertError(
                exchangeClient.token(
                        new TokenExchangeGrant(
                                new TypelessAccessToken(userTokens.getIDTokenString()), TokenTypeURI.ID_TOKEN),
                        SCOPE2),
                "invalid_request");
        assertError(exchangeClient.token(grant(new BearerAccessToken("garbage")), SCOPE2), "invalid_request");
        assertError(exchangeClient.token(grant(new BearerAccessToken("a.b.c")), SCOPE2), "invalid_request");
    }

    @Test
    void anActorTokenOfAnotherClientIsRefused() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("actor"));
        AccessToken othersToken = success(server.m2mClient().clientCredentials("scope1"));

        TokenResponse response = exchangeClient.token(
                new TokenExchangeGrant(
                        userTokens.getAccessToken(),
                        TokenTypeURI.ACCESS_TOKEN,
                        othersToken,
                        TokenTypeURI.ACCESS_TOKEN,
                        null,
                        null),
                SCOPE2);

        assertError(response, "invalid_request");
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorized() throws Exception {
        OIDCTokens userTokens = signIn(testUsers.create("unauthorized"));

        assertError(server.m2mClient().token(grant(userTokens.getAccessToken()), SCOPE2), "unauthorized_client");
        assertError(
                server.interactiveClient().token(grant(userTokens.getAccessToken()), SCOPE2), "unauthorized_client");
    }

    @Test
    void bothDiscoveryDocumentsOfferTheGrant() throws Exception {
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            String body = server.browser().get(document).body();
            assertThat(body).as(document).contains("\"urn:ietf:params:oauth:grant-type:token-exchange\"");
        }
    }

    private OIDCTokens signIn(ApplicationUser user) throws Exception {
        return SignInFlow.signIn(
                        server.browser(),
                        server.interactiveClient(),
                        "openid profile scope2",
                        user.getUserName(),
                        TestUsers.PASSWORD)
                .getOIDCTokens();
    }

    private static TokenExchangeGrant grant(Token subjectToken) {
        return new TokenExchangeGrant(subjectToken, TokenTypeURI.ACCESS_TOKEN);
    }

    private static TokenExchangeGrant audienceGrant(OIDCTokens userTokens, String audience) {
        return new TokenExchangeGrant(
                userTokens.getAccessToken(),
                TokenTypeURI.ACCESS_TOKEN,
                null,
                null,
                null,
                List.of(new Audience(audience)));
    }

    private static AccessToken success(TokenResponse response) {
        assertThat(response.indicatesSuccess())
                .as(
                        "%s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    private static JWTClaimsSet claimsOf(AccessToken token) throws Exception {
        return SignedJWT.parse(token.getValue()).getJWTClaimsSet();
    }

    private static void assertError(TokenResponse response, String code) {
        assertThat(response.indicatesSuccess()).as("refused").isFalse();
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).as("%s", error).isEqualTo(code);
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
        assertThat(error.getDescription()).as("a description says why").isNotBlank();
    }

    private static void assertInactiveUser(TokenResponse response) {
        assertError(response, "invalid_request");
        assertThat(response.toErrorResponse().getErrorObject().getDescription()).contains("disabled, locked out");
    }
}
