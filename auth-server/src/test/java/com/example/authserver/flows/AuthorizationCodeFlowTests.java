package com.example.authserver.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.ClientCallback;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@ServerTest
class AuthorizationCodeFlowTests {

    @Autowired
    TestServer server;

    @Autowired
    UserManager userManager;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    OAuth2AuthorizationConsentService consents;

    Browser browser;

    OidcClient client;

    @BeforeEach
    void setUp() {
        browser = server.browser();
        client = server.interactiveClient();
    }

    @Test
    void aliceSignsInConsentsAndTheClientGetsTokensCarryingHerClaims() throws Exception {
        ApplicationUser alice = userManager.findByName("alice").orElseThrow();
        forgetConsent(alice);
        Authorization authorization = client.authorizationRequest("openid profile email scope2");

        Browser.Page consent = SignInFlow.startAndSignIn(browser, authorization, "alice", "Pass123$");
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        assertThat(consent.document()
                        .select("#consent-allow input[type=checkbox][name=scope]")
                        .eachAttr("value"))
                .containsExactlyInAnyOrder("profile", "email", "scope2");
        Browser.Page redirect = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));
        TokenResponse response =
                client.exchange(client.codeFrom(redirect.uri(), authorization), authorization.verifier());

        assertThat(response.indicatesSuccess()).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        JWTClaimsSet idToken = client.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
        assertThat(idToken.getSubject()).isEqualTo(alice.getId());
        assertThat(idToken.getClaims())
                .containsEntry("preferred_username", "alice")
                .containsEntry("name", "Alice Smith")
                .containsEntry("given_name", "Alice")
                .containsEntry("family_name", "Smith")
                .containsEntry("email", "AliceSmith@example.com")
                .containsEntry("email_verified", true)
                .containsEntry("website", "http://alice.example.com");
        Map<String, Object> accessToken = SignedJWT.parse(
                        tokens.getTokens().getAccessToken().getValue())
                .getJWTClaimsSet()
                .getClaims();
        assertThat(accessToken)
                .containsEntry("sub", alice.getId())
                .containsEntry("preferred_username", "alice")
                .containsEntry("website", "http://alice.example.com");
        assertThat(tokens.getTokens().getRefreshToken()).isNotNull();
    }

    private void forgetConsent(ApplicationUser user) {
        String clientId = clients.findByClientId(OidcClient.INTERACTIVE).getId();
        OAuth2AuthorizationConsent consent = consents.findById(clientId, user.getId());
        if (consent != null) {
            consents.remove(consent);
        }
    }

    @Test
    void claimsAreFilteredByTheGrantedScopes() throws Exception {
        OIDCTokenResponse tokens = SignInFlow.signIn(browser, client, "openid profile", "bob", "Pass123$");

        Map<String, Object> claims =
                tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getClaims();
        assertThat(claims)
                .containsEntry("name", "Bob Smith")
                .containsEntry("location", "somewhere")
                .doesNotContainKeys("email", "email_verified");
    }

    @Test
    void refreshTokenRotatesAndTheOldOneStopsWorking() throws Exception {
        Tokens first = SignInFlow.signIn(browser, client, "openid profile", "alice", "Pass123$")
                .getTokens();

        TokenResponse refreshed = client.refresh(first.getRefreshToken());

        assertThat(refreshed.indicatesSuccess()).isTrue();
        RefreshToken second = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        assertThat(second).isNotNull().isNotEqualTo(first.getRefreshToken());
        assertThat(SignedJWT.parse(refreshed
                                .toSuccessResponse()
                                .getTokens()
                                .getAccessToken()
                                .getValue())
                        .getJWTClaimsSet()
                        .getClaim("preferred_username"))
                .isEqualTo("alice");
        TokenResponse reused = client.refresh(first.getRefreshToken());
        assertThat(reused.indicatesSuccess()).isFalse();
        assertThat(reused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void userInfoReturnsTheClaimsOfTheGrantedScopes() throws Exception {
        Tokens tokens = SignInFlow.signIn(browser, client, "openid profile email", "alice", "Pass123$")
                .getTokens();

        UserInfoResponse response = client.userInfo(tokens.getAccessToken());

        assertThat(response.indicatesSuccess()).isTrue();
        UserInfo userInfo = response.toSuccessResponse().getUserInfo();
        assertThat(userInfo.getPreferredUsername()).isEqualTo("alice");
        assertThat(userInfo.getName()).isEqualTo("Alice Smith");
        assertThat(userInfo.getEmailAddress()).isEqualTo("AliceSmith@example.com");
    }

    @Test
    void revokedRefreshTokenCanNoLongerBeUsed() throws Exception {
        Tokens tokens = SignInFlow.signIn(browser, client, "openid", "alice", "Pass123$")
                .getTokens();

        assertThat(client.revoke(tokens.getRefreshToken()).getStatusCode()).isEqualTo(200);

        TokenResponse refreshed = client.refresh(tokens.getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).isFalse();
        assertThat(refreshed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(client.introspect(tokens.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
    }

    @Test
    void rememberedConsentIsNotAskedAgainButAOneOffConsentIs() throws Exception {
        ApplicationUser user = testUsers.create("consent");
        OidcClient.Authorization first = client.authorizationRequest("openid scope2");
        Browser.Page consent = SignInFlow.startAndSignIn(browser, first, user.getUserName(), TestUsers.PASSWORD);
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        browser.follow(browser.submit(consent, "#consent-allow", Map.of("remember", "")));

        Browser.Page askedAgain = browser.follow(browser.get(
                client.authorizationRequest("openid scope2").requestUri().toString()));
        assertThat(askedAgain.uri().getPath()).isEqualTo("/oauth2/consent");
        browser.follow(browser.submit(askedAgain, "#consent-allow", Map.of("remember", "true")));

        Browser.Page remembered = browser.follow(browser.get(
                client.authorizationRequest("openid scope2").requestUri().toString()));
        assertThat(remembered.uri().toString()).startsWith(OidcClient.REDIRECT_URI.toString());
    }

    @Test
    void deniedConsentSendsAccessDeniedToTheClient() throws Exception {
        Authorization authorization = client.authorizationRequest("openid profile");
        ApplicationUser user = testUsers.create("deny");
        Browser.Page consent =
                SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        Browser.Page redirect = browser.follow(browser.submit(consent, "#consent-deny", Map.of()));

        assertThat(redirect.uri().toString())
                .startsWith(OidcClient.REDIRECT_URI.toString())
                .contains("error=access_denied");
    }

    @Test
    void redirectUriFromConfigurationIsAccepted() throws Exception {
        Authorization authorization = client.authorizationRequest("openid", ClientCallback.redirectUri());
        Browser.Page page = SignInFlow.startAndSignIn(browser, authorization, "alice", "Pass123$");
        assertThat(List.of("/oauth2/consent", "/callback-from-configuration"))
                .contains(page.uri().getPath());
    }
}
