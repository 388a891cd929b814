package com.example.authserver.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Refresh tokens and DPoP (RFC 9449 section 5): a public client's refresh token is bound to its key and redeemed
 * only with a proof of that key; a confidential client's is not bound (it authenticates itself).
 */
@ServerTest
class DPoPRefreshTokenTests {

    @Autowired
    TestServer server;

    @Autowired
    RegisteredClientRepository clients;

    @Test
    void aPublicClientWithAProofGetsARefreshTokenItRedeemsWithAProofOfTheSameKey() throws Exception {
        DPoPClient dpop = new DPoPClient(server.issuer());
        ClientID spa = new ClientID(TestClients.publicClient(clients));
        Tokens tokens = signIn(dpop, spa);
        assertThat(tokens.getRefreshToken()).isNotNull();

        TokenResponse refreshed = dpop.token(spa, new RefreshTokenGrant(tokens.getRefreshToken()));

        assertThat(refreshed.indicatesSuccess()).as(dpop.lastResponse.getBody()).isTrue();
        Tokens next = refreshed.toSuccessResponse().getTokens();
        assertThat(next.getRefreshToken()).isNotNull().isNotEqualTo(tokens.getRefreshToken());
        assertThat(claims(next)).containsEntry("cnf", Map.of("jkt", dpop.thumbprint()));
    }

    @Test
    void aPublicClientsRefreshTokenIsRefusedWithoutAProof() throws Exception {
        DPoPClient dpop = new DPoPClient(server.issuer());
        ClientID spa = new ClientID(TestClients.publicClient(clients));
        Tokens tokens = signIn(dpop, spa);

        HTTPRequest request = new TokenRequest.Builder(
                        dpop.tokenEndpoint, spa, new RefreshTokenGrant(tokens.getRefreshToken()))
                .build()
                .toHTTPRequest();
        // Java's default Accept names text/html, which the protocol chain answers with the sign-in page
        request.setAccept("application/json");
        HTTPResponse response = request.send();

        assertThat(response.getStatusCode())
                .as(response.getHeaderMap() + " " + response.getBody())
                .isEqualTo(401);
        assertThat(response.getBodyAsJSONObject()).containsEntry("error", "invalid_client");
    }

    @Test
    void aPublicClientsRefreshTokenIsRefusedWithAProofOfAnotherKey() throws Exception {
        DPoPClient dpop = new DPoPClient(server.issuer());
        ClientID spa = new ClientID(TestClients.publicClient(clients));
        Tokens tokens = signIn(dpop, spa);
        DPoPClient thief = new DPoPClient(server.issuer());

        TokenResponse response = thief.token(spa, new RefreshTokenGrant(tokens.getRefreshToken()));

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_dpop_proof");
        assertThat(dpop.token(spa, new RefreshTokenGrant(tokens.getRefreshToken()))
                        .indicatesSuccess())
                .isTrue();
    }

    @Test
    void aPublicClientWithoutAProofGetsNoRefreshToken() throws Exception {
        ClientID spa = new ClientID(TestClients.publicClient(clients));
        OidcClient browserSide = server.client(spa.getValue(), "none");
        OidcClient.Authorization authorization = browserSide.authorizationRequest("openid profile");
        AuthorizationCode code =
                SignInFlow.authorize(server.browser(), browserSide, authorization, "alice", "Pass123$");

        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest.Builder(
                        new DPoPClient(server.issuer()).tokenEndpoint,
                        spa,
                        new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier()))
                .build()
                .toHTTPRequest()
                .send());

        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.toSuccessResponse().getTokens().getRefreshToken()).isNull();
    }

    @Test
    void aConfidentialClientsRefreshTokenIsNotBoundToTheKey() throws Exception {
        DPoPClient dpop = new DPoPClient(server.issuer());
        ClientSecretBasic interactive =
                new ClientSecretBasic(new ClientID(OidcClient.INTERACTIVE), new Secret(OidcClient.INTERACTIVE_SECRET));
        OidcClient client = server.interactiveClient();
        OidcClient.Authorization authorization = client.authorizationRequest("openid profile");
        AuthorizationCode code = SignInFlow.authorize(server.browser(), client, authorization, "alice", "Pass123$");
        Tokens tokens = dpop.token(
                        interactive,
                        new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier()))
                .toSuccessResponse()
                .getTokens();
        DPoPClient newKey = new DPoPClient(server.issuer());

        TokenResponse refreshed = newKey.token(interactive, new RefreshTokenGrant(tokens.getRefreshToken()));

        assertThat(refreshed.indicatesSuccess())
                .as(newKey.lastResponse.getBody())
                .isTrue();
        assertThat(claims(refreshed.toSuccessResponse().getTokens()))
                .containsEntry("cnf", Map.of("jkt", newKey.thumbprint()));
    }

    private Tokens signIn(DPoPClient dpop, ClientID spa) throws Exception {
        OidcClient browserSide = server.client(spa.getValue(), "none");
        OidcClient.Authorization authorization = browserSide.authorizationRequest("openid profile");
        AuthorizationCode code =
                SignInFlow.authorize(server.browser(), browserSide, authorization, "alice", "Pass123$");
        TokenResponse response =
                dpop.token(spa, new AuthorizationCodeGrant(code, OidcClient.REDIRECT_URI, authorization.verifier()));
        assertThat(response.indicatesSuccess()).as(dpop.lastResponse.getBody()).isTrue();
        return response.toSuccessResponse().getTokens();
    }

    private static Map<String, Object> claims(Tokens tokens) throws Exception {
        return SignedJWT.parse(tokens.getAccessToken().getValue())
                .getJWTClaimsSet()
                .getClaims();
    }
}
