package com.example.authserver.resources;

import static com.example.authserver.resources.ResourceClient.API;
import static com.example.authserver.resources.ResourceClient.API_NAME;
import static com.example.authserver.resources.ResourceClient.API_SECRET;
import static com.example.authserver.resources.ResourceClient.MCP;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RFC 9068 access tokens and who learns about them: the token's shape, introspection by an API resource with its own
 * secret (only tokens for it), the resource's credentials refused everywhere else, and an ID token refused where an
 * access token is expected.
 */
@ServerTest
class AccessTokensForResourcesTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    ResourceClient client(String id, String secret) {
        return new ResourceClient(server.issuer(), id, secret);
    }

    ResourceClient api() {
        return client(API_NAME, API_SECRET);
    }

    ResourceClient interactive() {
        return client(OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
    }

    @Test
    void aUsersAccessTokenHasTheShapeOfRfc9068() throws Exception {
        ApplicationUser user = testUsers.create("rfc9068");
        OIDCTokenResponse response = SignInFlow.signIn(
                server.browser(), server.interactiveClient(), "openid scope2", user.getUserName(), TestUsers.PASSWORD);

        SignedJWT jwt = SignedJWT.parse(response.getTokens().getAccessToken().getValue());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getSubject()).isEqualTo(user.getId());
        assertThat(claims.getAudience()).containsExactly(API.toString());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(OidcClient.INTERACTIVE);
        assertThat(claims.getStringClaim("scope")).isIn("openid scope2", "scope2 openid");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getDateClaim("auth_time")).isNotNull();
        assertThat(claims.getStringClaim("acr")).isNotBlank();
        assertThat(claims.getStringListClaim("amr")).contains("pwd");

        SignedJWT idToken = SignedJWT.parse(response.getOIDCTokens().getIDTokenString());
        assertThat(idToken.getHeader().getType()).isNotEqualTo(new JOSEObjectType("at+jwt"));
    }

    @Test
    void userInfoTakesTheAccessTokenButNeverTheIdToken() throws Exception {
        ApplicationUser user = testUsers.create("id-token-as-access");
        OIDCTokenResponse response = SignInFlow.signIn(
                server.browser(), server.interactiveClient(), "openid profile", user.getUserName(), TestUsers.PASSWORD);
        OidcClient client = server.interactiveClient();

        UserInfoResponse withAccessToken = client.userInfo(response.getTokens().getAccessToken());
        UserInfoResponse withIdToken =
                client.userInfo(new BearerAccessToken(response.getOIDCTokens().getIDTokenString()));

        assertThat(withAccessToken.indicatesSuccess())
                .as(
                        "%s",
                        withAccessToken.indicatesSuccess()
                                ? ""
                                : withAccessToken.toErrorResponse().getErrorObject())
                .isTrue();
        assertThat(withIdToken.indicatesSuccess()).isFalse();
        assertThat(withIdToken.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(401);
    }

    @Test
    void aResourceIntrospectsTokensForItAndLearnsNothingOfOthers() throws Exception {
        Tokens forApi = ResourceIndicatorsTests.success(
                client(OidcClient.M2M, OidcClient.M2M_SECRET).token(new ClientCredentialsGrant(), "scope1"));
        Tokens forMcp = userTokens("for-mcp", "openid mcp:tools", MCP);

        TokenIntrospectionSuccessResponse own =
                api().introspect(forApi.getAccessToken()).toSuccessResponse();
        TokenIntrospectionSuccessResponse other =
                api().introspect(forMcp.getAccessToken()).toSuccessResponse();
        TokenIntrospectionSuccessResponse refresh =
                api().introspect(forMcp.getRefreshToken()).toSuccessResponse();

        assertThat(own.isActive()).as("%s", own.toJSONObject()).isTrue();
        assertThat(own.getScope().toStringList()).containsExactly("scope1");
        assertThat(own.getAudience()).extracting(Object::toString).containsExactly(API.toString());
        assertThat(other.isActive()).isFalse();
        assertThat(other.toJSONObject()).containsOnlyKeys("active");
        assertThat(refresh.isActive()).isFalse();
    }

    @Test
    void aTokenForOneResourceIsNoTokenForAnotherEvenIfTheClientHasBoth() throws Exception {
        Tokens forMcp = userTokens("mcp-only", "openid mcp:tools", MCP);

        assertThat(ResourceClient.accessTokenClaims(forMcp.getAccessToken().getValue())
                        .getAudience())
                .doesNotContain(API.toString());
        assertThat(api().introspect(forMcp.getAccessToken()).toSuccessResponse().isActive())
                .isFalse();
        assertThat(interactive()
                        .introspect(forMcp.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .as("its client still may")
                .isTrue();
    }

    @Test
    void aResourceWithAWrongSecretIsAnInvalidClient() throws Exception {
        var answer = client(API_NAME, "not-the-secret").introspect(new BearerAccessToken("whatever"));

        assertThat(answer.indicatesSuccess()).isFalse();
        assertThat(answer.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(401);
    }

    @Test
    void aResourcesCredentialsWorkNowhereButAtIntrospection() throws Exception {
        TokenResponse token = api().token(new ClientCredentialsGrant(), "scope1");
        assertThat(token.indicatesSuccess()).isFalse();
        assertThat(token.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");

        for (String endpoint : new String[] {"/oauth2/revoke", "/oauth2/par", "/oauth2/device_authorization"}) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.issuer() + endpoint))
                                    .header("Authorization", api().credentials().toHTTPAuthorizationHeader())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "token=x&response_type=code&client_id=api&scope=scope1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(response.body()).as(endpoint).contains("invalid_client");
        }
    }

    @Test
    void discoveryListsTheScopesOfTheResources() throws Exception {
        for (String document :
                new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            String body = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.issuer() + document))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(body).as(document).contains("mcp:tools").doesNotContain("resource_indicators");
        }
    }

    private Tokens userTokens(String prefix, String scopes, URI... resources) throws Exception {
        ApplicationUser user = testUsers.create(prefix);
        ResourceClient client = interactive();
        var authorization = client.authorizationRequest(scopes, resources);
        AuthorizationCode code = SignInFlow.authorize(
                server.browser(), server.interactiveClient(), authorization, user.getUserName(), TestUsers.PASSWORD);
        return ResourceIndicatorsTests.success(client.token(
                new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier()), null));
    }
}
