package com.example.authserver.resources;

import static com.example.authserver.resources.ResourceClient.API;
import static com.example.authserver.resources.ResourceClient.MCP;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Resource indicators (RFC 8707) end to end, the client played by the Nimbus SDK: the audience of access tokens, and
 * {@code invalid_target} for every resource a client may not name, at the authorization and token endpoints.
 */
@ServerTest
class ResourceIndicatorsTests {

    static final String INTERACTIVE_SCOPES = "openid scope2 mcp:tools";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    ResourceClient m2m() {
        return new ResourceClient(server.issuer(), OidcClient.M2M, OidcClient.M2M_SECRET);
    }

    ResourceClient interactive() {
        return new ResourceClient(server.issuer(), OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
    }

    @Test
    void aTokenAskedForByScopeIsForTheApiOwningTheScope() throws Exception {
        JWTClaimsSet claims = claims(m2m().token(new ClientCredentialsGrant(), "scope1"));

        assertThat(claims.getAudience()).containsExactly(API.toString());
    }

    @Test
    void aTokenAskedForByResourceIsForThatResourceAsWritten() throws Exception {
        JWTClaimsSet claims = claims(m2m().token(new ClientCredentialsGrant(), "scope1", API));

        assertThat(claims.getAudience()).containsExactly("http://127.0.0.1:8081/");
    }

    @Test
    void malformedUnknownOrForeignResourcesAreInvalidTargets() throws Exception {
        ResourceClient m2m = m2m();

        assertInvalidTarget(m2m.token(new ClientCredentialsGrant(), "scope1", URI.create("https://api.example.com/")));
        assertInvalidTarget(m2m.token(new ClientCredentialsGrant(), "scope1", URI.create("http://127.0.0.1:8081")));
        assertInvalidTarget(m2m.token(new ClientCredentialsGrant(), "scope1", MCP)); // none of its scopes
        assertInvalidTarget(m2m.tokenWithRawResource(new ClientCredentialsGrant(), "scope1", "api"));
        assertInvalidTarget(m2m.tokenWithRawResource(new ClientCredentialsGrant(), "scope1", API + "#fragment"));
        assertInvalidTarget(m2m.tokenWithRawResource(new ClientCredentialsGrant(), "scope1", "http://[bad"));
        assertInvalidTarget(m2m.tokenWithRawResource(new ClientCredentialsGrant(), "scope1", ""));
        assertInvalidTarget(m2m.tokenWithRawResource(new ClientCredentialsGrant(), "scope1", API + "x".repeat(5000)));
        assertInvalidTarget(m2m.tokenWithRawResource(
                new ClientCredentialsGrant(), "scope1", API.toString(), API.toString(), MCP.toString()));
    }

    @Test
    void scopesOfAnotherResourceThanTheOneNamedAreRefused() throws Exception {
        Page redirect = server.browser()
                .get(interactive()
                        .authorizationRequest("openid scope2", MCP)
                        .requestUri()
                        .toString());

        AuthorizationErrorResponse error =
                AuthorizationResponse.parse(URI.create(redirect.location())).toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_target");
        assertThat(error.getState()).isNotNull();
    }

    @Test
    void anUnknownResourceAtTheAuthorizationEndpointGoesBackToTheClient() throws Exception {
        var authorization = interactive().authorizationRequest("openid scope2", URI.create("https://evil.example/"));

        Page redirect = server.browser().get(authorization.requestUri().toString());

        assertThat(redirect.location()).startsWith(OidcClient.REDIRECT_URI.toString());
        AuthorizationErrorResponse error =
                AuthorizationResponse.parse(URI.create(redirect.location())).toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_target");
        assertThat(error.getState()).isEqualTo(authorization.state());
    }

    @Test
    void aPushedRequestNamingAnUnknownResourceNeverGetsAToken() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        ClientSecretBasic credentials =
                new ClientSecretBasic(new ClientID(OidcClient.INTERACTIVE), new Secret(OidcClient.INTERACTIVE_SECRET));
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        Scope.parse("openid scope2"),
                        credentials.getClientID(),
                        OidcClient.REDIRECT_URI)
                .state(new State())
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .resources(URI.create("https://evil.example/"))
                .build();
        PushedAuthorizationResponse pushed = PushedAuthorizationResponse.parse(
                new PushedAuthorizationRequest(URI.create(server.issuer() + "/oauth2/par"), credentials, request)
                        .toHTTPRequest()
                        .send());
        if (!pushed.indicatesSuccess()) {
            assertThat(pushed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_target");
            return;
        }
        String authorize = new AuthorizationRequest.Builder(
                        pushed.toSuccessResponse().getRequestURI(), credentials.getClientID())
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI()
                .toString();

        Browser browser = server.browser();
        Page page = browser.follow(browser.get(authorize));
        if (page.uri().getPath().equals("/login")) {
            page = browser.follow(
                    browser.signIn(page, testUsers.create("pushed").getUserName(), TestUsers.PASSWORD));
        }
        if (page.uri().getPath().equals("/oauth2/consent")) {
            page = browser.follow(browser.submit(page, "#consent-allow", Map.of()));
        }

        assertThat(page.uri().toString()).startsWith(OidcClient.REDIRECT_URI.toString());
        AuthorizationResponse response = AuthorizationResponse.parse(page.uri());
        if (response.indicatesSuccess()) { // checked again where the token is made
            assertInvalidTarget(interactive()
                    .token(
                            new AuthorizationCodeGrant(
                                    response.toSuccessResponse().getAuthorizationCode(),
                                    OidcClient.REDIRECT_URI,
                                    verifier),
                            null));
        } else {
            assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_target");
        }
    }

    @Test
    void aCodeGrantedForTwoResourcesGivesATokenForBothThenRefreshNarrowsToOne() throws Exception {
        ResourceClient client = interactive();
        Tokens tokens = signIn(client, "two-resources", API, MCP);

        assertThat(claims(tokens.getAccessToken().getValue()).getAudience())
                .containsExactlyInAnyOrder(API.toString(), MCP.toString());

        TokenResponse narrowed = client.token(new RefreshTokenGrant(tokens.getRefreshToken()), "openid mcp:tools", MCP);
        Tokens mcpTokens = success(narrowed);
        JWTClaimsSet mcpClaims = claims(mcpTokens.getAccessToken().getValue());
        assertThat(mcpClaims.getAudience()).containsExactly(MCP.toString());
        assertThat(mcpClaims.getStringClaim("scope").split(" ")).containsExactlyInAnyOrder("openid", "mcp:tools");

        // the grant still covers both: back to the API with its scope
        TokenResponse api = client.token(new RefreshTokenGrant(mcpTokens.getRefreshToken()), "scope2", API);
        assertThat(claims(success(api).getAccessToken().getValue()).getAudience())
                .containsExactly(API.toString());
    }

    @Test
    void refreshNamingOneResourceWithTheOthersScopesIsRefused() throws Exception {
        ResourceClient client = interactive();
        Tokens tokens = signIn(client, "keep-scopes", API, MCP);

        assertInvalidTarget(client.token(new RefreshTokenGrant(tokens.getRefreshToken()), null, MCP));

        assertThat(client.token(new RefreshTokenGrant(tokens.getRefreshToken()), null)
                        .indicatesSuccess())
                .as("the refused request used up nothing")
                .isTrue();
    }

    @Test
    void refreshMayNotWidenToAResourceNotGranted() throws Exception {
        ResourceClient client = interactive();
        Tokens tokens = signIn(client, "widen", "openid mcp:tools", MCP);

        assertInvalidTarget(client.token(new RefreshTokenGrant(tokens.getRefreshToken()), "openid", API));
        TokenResponse widerScope = client.token(new RefreshTokenGrant(tokens.getRefreshToken()), "scope2", API);
        assertThat(widerScope.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");
        assertThat(claims(success(client.token(new RefreshTokenGrant(tokens.getRefreshToken()), null))
                                .getAccessToken()
                                .getValue())
                        .getAudience())
                .containsExactly(MCP.toString());
    }

    @Test
    void theCodeExchangeMayNameOnlyResourcesOfTheAuthorization() throws Exception {
        ResourceClient client = interactive();
        ApplicationUser user = testUsers.create("code-widen");
        var authorization = client.authorizationRequest("openid mcp:tools", MCP);
        AuthorizationCode code = SignInFlow.authorize(
                server.browser(), server.interactiveClient(), authorization, user.getUserName(), TestUsers.PASSWORD);

        AuthorizationCodeGrant grant =
                new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier());
        assertInvalidTarget(client.token(grant, null, API));

        assertThat(claims(success(client.token(grant, null, MCP))
                                .getAccessToken()
                                .getValue())
                        .getAudience())
                .as("the code survived the refused attempt")
                .containsExactly(MCP.toString());
    }

    @Test
    void withoutResourceTheAudienceIsTheResourcesOwningTheGrantedScopes() throws Exception {
        Tokens tokens = signIn(interactive(), "by-scope", INTERACTIVE_SCOPES);

        JWTClaimsSet claims = claims(tokens.getAccessToken().getValue());
        assertThat(claims.getAudience()).containsExactlyInAnyOrder(API.toString(), MCP.toString());
    }

    @Test
    void withoutApiScopeTheAudienceIsTheClient() throws Exception {
        Tokens tokens = signIn(interactive(), "no-api", "openid profile");

        assertThat(claims(tokens.getAccessToken().getValue()).getAudience()).containsExactly(OidcClient.INTERACTIVE);
    }

    @Test
    void aTokenExchangeNamingTheApiGetsATokenForItAndNothingElse() throws Exception {
        Tokens user = signIn(interactive(), "exchanged", "openid scope2");
        ResourceClient exchange =
                new ResourceClient(server.issuer(), "exchange.client", "4A5F0F5E-6F1B-4C1E-9E0B-7E1E2B4F3C2D");
        TokenExchangeGrant grant = new TokenExchangeGrant(user.getAccessToken(), TokenTypeURI.ACCESS_TOKEN);

        assertThat(claims(exchange.token(grant, "scope2", API)).getAudience()).containsExactly(API.toString());
        assertInvalidTarget(exchange.token(grant, "scope2", MCP));
        assertInvalidTarget(exchange.token(grant, "scope2", URI.create("https://evil.example/")));
    }

    private Tokens signIn(ResourceClient client, String prefix, URI... resources) throws Exception {
        return signIn(client, prefix, INTERACTIVE_SCOPES, resources);
    }

    private Tokens signIn(ResourceClient client, String prefix, String scopes, URI... resources) throws Exception {
        ApplicationUser user = testUsers.create(prefix);
        var authorization = client.authorizationRequest(scopes, resources);
        AuthorizationCode code = SignInFlow.authorize(
                server.browser(), server.interactiveClient(), authorization, user.getUserName(), TestUsers.PASSWORD);
        return success(client.token(
                new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier()), null));
    }

    static Tokens success(TokenResponse response) {
        assertThat(response.indicatesSuccess())
                .as(
                        "%s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        return response.toSuccessResponse().getTokens();
    }

    static JWTClaimsSet claims(TokenResponse response) throws Exception {
        return claims(success(response).getAccessToken().getValue());
    }

    static JWTClaimsSet claims(String accessToken) throws Exception {
        return ResourceClient.accessTokenClaims(accessToken);
    }

    static void assertInvalidTarget(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_target");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
    }
}
