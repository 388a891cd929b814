package com.example.authserver.resources;

import com.example.authserver.support.OidcClient;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;

/** A client of the server, played by the Nimbus SDK, that names resources (RFC 8707) on its requests. */
record ResourceClient(String serverUrl, ClientSecretBasic credentials) {

    static final URI API = URI.create("http://127.0.0.1:8081/");

    static final URI MCP = URI.create("http://127.0.0.1:8090/mcp");

    static final String API_NAME = "api";

    static final String API_SECRET = "7D6C5B4A-3928-4716-A5B4-C3D2E1F00918";

    ResourceClient(String serverUrl, String clientId, String secret) {
        this(serverUrl, new ClientSecretBasic(new ClientID(clientId), new Secret(secret)));
    }

    OidcClient.Authorization authorizationRequest(String scopes, URI... resources) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(scopes), credentials.getClientID(), OidcClient.REDIRECT_URI)
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(serverUrl + "/oauth2/authorize"));
        if (resources.length > 0) {
            request.resources(resources);
        }
        return new OidcClient.Authorization(request.build().toURI(), state, nonce, verifier);
    }

    TokenResponse token(AuthorizationGrant grant, String scopes, URI... resources) throws Exception {
        TokenRequest.Builder request =
                new TokenRequest.Builder(URI.create(serverUrl + "/oauth2/token"), credentials, grant);
        if (scopes != null) {
            request.scope(Scope.parse(scopes));
        }
        if (resources.length > 0) {
            request.resources(resources);
        }
        return OIDCTokenResponseParser.parse(request.build().toHTTPRequest().send());
    }

    /** A token request whose {@code resource} values the SDK would refuse to send (malformed ones). */
    TokenResponse tokenWithRawResource(AuthorizationGrant grant, String scopes, String... resources) throws Exception {
        TokenRequest.Builder request = new TokenRequest.Builder(
                        URI.create(serverUrl + "/oauth2/token"), credentials, grant)
                .customParameter("resource", resources);
        if (scopes != null) {
            request.scope(Scope.parse(scopes));
        }
        return OIDCTokenResponseParser.parse(request.build().toHTTPRequest().send());
    }

    TokenIntrospectionResponse introspect(Token token) throws Exception {
        return TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(URI.create(serverUrl + "/oauth2/introspect"), credentials, token)
                        .toHTTPRequest()
                        .send());
    }

    /** The claims of a JWT access token, after checking its {@code typ} is {@code at+jwt} (RFC 9068). */
    static JWTClaimsSet accessTokenClaims(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!new JOSEObjectType("at+jwt").equals(jwt.getHeader().getType())) {
            throw new AssertionError("typ is " + jwt.getHeader().getType());
        }
        return jwt.getJWTClaimsSet();
    }
}
