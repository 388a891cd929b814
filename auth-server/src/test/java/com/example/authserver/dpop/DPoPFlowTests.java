package com.example.authserver.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPTokenError;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DPoP end to end, the Nimbus SDK as the client: tokens bound to the client's key ({@code cnf.jkt}), used at
 * UserInfo with a proof of that key and refused without one.
 */
@ServerTest
class DPoPFlowTests {

    @Autowired
    TestServer server;

    DPoPClient dpop;

    @BeforeEach
    void setUp() {
        dpop = new DPoPClient(server.issuer());
    }

    @Test
    void theAuthorizationCodeFlowWithAProofGivesADPoPTokenBoundToTheKey() throws Exception {
        Tokens tokens = signIn();

        assertThat(tokens.getAccessToken().getType()).isEqualTo(AccessTokenType.DPOP);
        Map<String, Object> claims = SignedJWT.parse(tokens.getAccessToken().getValue())
                .getJWTClaimsSet()
                .getClaims();
        assertThat(claims).containsEntry("cnf", Map.of("jkt", dpop.thumbprint()));
    }

    @Test
    void userInfoAnswersTheDPoPTokenWithAProofOfItsKey() throws Exception {
        Tokens tokens = signIn();

        HTTPResponse response = dpop.userInfo(tokens.getAccessToken());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBodyAsJSONObject()).containsEntry("preferred_username", "alice");
    }

    @Test
    void userInfoRefusesTheDPoPTokenSentAsABearerToken() throws Exception {
        Tokens tokens = signIn();

        HTTPResponse response = new UserInfoRequest(
                        dpop.userInfoEndpoint,
                        new BearerAccessToken(tokens.getAccessToken().getValue()))
                .toHTTPRequest()
                .send();

        assertThat(response.getStatusCode()).isEqualTo(401);
    }

    @Test
    void userInfoRefusesAProofOfAnotherKey() throws Exception {
        Tokens tokens = signIn();
        DPoPClient thief = new DPoPClient(server.issuer());
        thief.nonce = dpop.nonce;

        HTTPResponse response = thief.userInfo(tokens.getAccessToken());

        assertRefused(response, "invalid_dpop_proof");
    }

    @Test
    void userInfoRefusesAProofForAnotherAddressMethodOrToken() throws Exception {
        AccessToken token = signIn().getAccessToken();
        AccessToken other = signIn().getAccessToken();

        assertRefused(
                withProof(token, "GET", URI.create(server.issuer() + "/oauth2/jwks"), token), "invalid_dpop_proof");
        assertRefused(withProof(token, "POST", dpop.userInfoEndpoint, token), "invalid_dpop_proof");
        assertRefused(withProof(token, "GET", dpop.userInfoEndpoint, other), "invalid_dpop_proof");
        assertThat(withProof(token, "GET", dpop.userInfoEndpoint, token).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void aProofIsAcceptedOnceAtUserInfo() throws Exception {
        AccessToken token = signIn().getAccessToken();
        HTTPRequest first = userInfoRequest(token);
        first.setDPoP(dpop.proof("GET", dpop.userInfoEndpoint, token));
        HTTPRequest replay = userInfoRequest(token);
        replay.setDPoP(first.getDPoP());

        assertThat(first.send().getStatusCode()).isEqualTo(200);
        assertRefused(replay.send(), "invalid_dpop_proof");
    }

    @Test
    void aProofIsAcceptedOnceAtTheTokenEndpoint() throws Exception {
        dpop.token(m2m(), new ClientCredentialsGrant());
        HTTPRequest first = clientCredentialsRequest();
        first.setDPoP(dpop.proof("POST", dpop.tokenEndpoint, null));
        HTTPRequest replay = clientCredentialsRequest();
        replay.setDPoP(first.getDPoP());

        assertThat(first.send().getStatusCode()).isEqualTo(200);
        HTTPResponse replayed = replay.send();
        assertThat(replayed.getStatusCode()).isEqualTo(400);
        assertThat(replayed.getBodyAsJSONObject())
                .containsEntry("error", "invalid_dpop_proof")
                .containsEntry("error_description", "DPoP proof was used before");
    }

    @Test
    void theServerAsksForItsNonceAndTheClientRetriesWithIt() throws Exception {
        TokenResponse response = dpop.token(m2m(), new ClientCredentialsGrant());

        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.toSuccessResponse().getTokens().getAccessToken()).isInstanceOf(DPoPAccessToken.class);
        HTTPRequest withoutNonce = clientCredentialsRequest();
        withoutNonce.setDPoP(dpop.proofs.createDPoPJWT("POST", dpop.tokenEndpoint));
        HTTPResponse asked = withoutNonce.send();
        assertThat(asked.getStatusCode()).isEqualTo(400);
        assertThat(asked.getBodyAsJSONObject()).containsEntry("error", "use_dpop_nonce");
        assertThat(asked.getDPoPNonce()).isNotNull();
    }

    @Test
    void userInfoAsksForTheNonceWithAChallenge() throws Exception {
        AccessToken token = signIn().getAccessToken();
        HTTPRequest request = userInfoRequest(token);
        request.setDPoP(dpop.proofs.createDPoPJWT("GET", dpop.userInfoEndpoint, token));

        HTTPResponse response = request.send();

        assertRefused(response, "use_dpop_nonce");
        assertThat(response.getDPoPNonce()).isNotNull();
    }

    @Test
    void aMadeUpNonceIsRefused() throws Exception {
        HTTPRequest request = clientCredentialsRequest();
        request.setDPoP(
                dpop.proofs.createDPoPJWT("POST", dpop.tokenEndpoint, new com.nimbusds.openid.connect.sdk.Nonce()));

        HTTPResponse response = request.send();

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBodyAsJSONObject()).containsEntry("error", "use_dpop_nonce");
    }

    private Tokens signIn() throws Exception {
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        OidcClient.Authorization authorization = client.authorizationRequest("openid profile");
        var code = SignInFlow.authorize(browser, client, authorization, "alice", "Pass123$");
        TokenResponse response = dpop.token(
                new ClientSecretBasic(new ClientID(OidcClient.INTERACTIVE), new Secret(OidcClient.INTERACTIVE_SECRET)),
                new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier()));
        assertThat(response.indicatesSuccess())
                .as("%s", dpop.lastResponse.getBody())
                .isTrue();
        return response.toSuccessResponse().getTokens();
    }

    private HTTPResponse withProof(AccessToken token, String method, URI uri, AccessToken proofFor) throws Exception {
        HTTPRequest request = userInfoRequest(token);
        request.setDPoP(dpop.proof(method, uri, proofFor));
        return dpop.remember(request.send());
    }

    private HTTPRequest userInfoRequest(AccessToken token) {
        return new UserInfoRequest(dpop.userInfoEndpoint, token).toHTTPRequest();
    }

    HTTPRequest clientCredentialsRequest() {
        return new TokenRequest.Builder(dpop.tokenEndpoint, m2m(), new ClientCredentialsGrant())
                .build()
                .toHTTPRequest();
    }

    static ClientSecretBasic m2m() {
        return new ClientSecretBasic(new ClientID(OidcClient.M2M), new Secret(OidcClient.M2M_SECRET));
    }

    static void assertRefused(HTTPResponse response, String error) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(401);
        DPoPTokenError challenge = DPoPTokenError.parse(response.getHeaderValue("WWW-Authenticate"));
        assertThat(challenge.getCode()).isEqualTo(error);
    }
}
