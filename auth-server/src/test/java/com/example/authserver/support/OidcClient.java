package com.example.authserver.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;

/**
 * The OAuth client side of the tests, played by the Nimbus OAuth 2.0 / OpenID Connect SDK: an
 * independent implementation of the protocol, not this server's own classes.
 */
public class OidcClient {

    public static final String INTERACTIVE = "interactive";

    public static final String INTERACTIVE_SECRET = "49C1A7E1-0C79-4A89-A3D6-A37998FB86B0";

    public static final String M2M = "m2m.client";

    public static final String M2M_SECRET = "511536EF-F270-4058-80CA-1C89C192F69A";

    public static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/login/oauth2/code/interactive");

    private final String issuer;

    private final String serverUrl;

    private final ClientSecretBasic credentials;

    public OidcClient(String issuer, String clientId, String secret) {
        this(issuer, issuer, clientId, secret);
    }

    /** A client of the server at {@code serverUrl} whose configured issuer is {@code issuer} (as behind a proxy). */
    public OidcClient(String issuer, String serverUrl, String clientId, String secret) {
        this.issuer = issuer;
        this.serverUrl = serverUrl;
        this.credentials = new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
    }

    /** The same client, talking to another instance of the server (same issuer). */
    public OidcClient atServer(String otherServerUrl) {
        return new OidcClient(
                issuer,
                otherServerUrl,
                credentials.getClientID().getValue(),
                credentials.getClientSecret().getValue());
    }

    /** One authorization request's secrets, kept by the client until the redirect comes back. */
    public record Authorization(URI requestUri, State state, Nonce nonce, CodeVerifier verifier) {}

    public Authorization authorizationRequest(String scopes) {
        return authorizationRequest(scopes, REDIRECT_URI);
    }

    public Authorization authorizationRequest(String scopes, URI redirectUri) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(scopes), credentials.getClientID(), redirectUri)
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(endpoint("/oauth2/authorize"))
                .build();
        return new Authorization(request.toURI(), state, nonce, verifier);
    }

    /** Reads the code from the redirect the server sent the browser to, checking the state. */
    public AuthorizationCode codeFrom(URI redirect, Authorization authorization) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(redirect);
        if (!response.indicatesSuccess()) {
            throw new AssertionError(
                    "Authorization failed: " + response.toErrorResponse().getErrorObject());
        }
        if (!authorization.state().equals(response.getState())) {
            throw new AssertionError("State mismatch");
        }
        return response.toSuccessResponse().getAuthorizationCode();
    }

    public TokenResponse exchange(AuthorizationCode code, CodeVerifier verifier) throws Exception {
        return exchange(code, verifier, REDIRECT_URI);
    }

    public TokenResponse exchange(AuthorizationCode code, CodeVerifier verifier, URI redirectUri) throws Exception {
        return token(new AuthorizationCodeGrant(code, redirectUri, verifier), null);
    }

    public TokenResponse refresh(RefreshToken refreshToken) throws Exception {
        return token(new RefreshTokenGrant(refreshToken), null);
    }

    public TokenResponse clientCredentials(String scopes) throws Exception {
        return token(new ClientCredentialsGrant(), Scope.parse(scopes));
    }

    public TokenResponse token(AuthorizationGrant grant, Scope scope) throws Exception {
        TokenRequest request = new TokenRequest(endpoint("/oauth2/token"), credentials, grant, scope);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    public UserInfoResponse userInfo(AccessToken accessToken) throws Exception {
        HTTPResponse response = new UserInfoRequest(endpoint("/userinfo"), (BearerAccessToken) accessToken)
                .toHTTPRequest()
                .send();
        return UserInfoResponse.parse(response);
    }

    public HTTPResponse revoke(Token token) throws IOException {
        return new TokenRevocationRequest(endpoint("/oauth2/revoke"), credentials, token)
                .toHTTPRequest()
                .send();
    }

    public TokenIntrospectionResponse introspect(Token token) throws Exception {
        return TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(endpoint("/oauth2/introspect"), credentials, token)
                        .toHTTPRequest()
                        .send());
    }

    /** Checks the ID token's signature against the server's JWKS, its issuer, audience, expiry and nonce. */
    public JWTClaimsSet validateIdToken(JWT idToken, Nonce nonce) throws Exception {
        IDTokenValidator validator = new IDTokenValidator(
                new Issuer(issuer), credentials.getClientID(), JWSAlgorithm.RS256, new URL(serverUrl + "/oauth2/jwks"));
        return validator.validate(idToken, nonce).toJWTClaimsSet();
    }

    public Map<String, Object> claimsOf(JWT jwt) throws Exception {
        return jwt.getJWTClaimsSet().getClaims();
    }

    private URI endpoint(String path) {
        return URI.create(serverUrl + path);
    }
}
