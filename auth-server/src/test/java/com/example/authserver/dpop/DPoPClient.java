package com.example.authserver.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;

/**
 * A DPoP client as the Nimbus SDK plays it: one key pair, proofs from {@link DefaultDPoPProofFactory}, and the
 * server's nonce kept from its last {@code DPoP-Nonce} header, retrying once when told {@code use_dpop_nonce}.
 */
final class DPoPClient {

    final ECKey key;

    final DefaultDPoPProofFactory proofs;

    final URI tokenEndpoint;

    final URI userInfoEndpoint;

    Nonce nonce;

    /** Every response the client received, the last one last. */
    HTTPResponse lastResponse;

    DPoPClient(String serverUrl) {
        try {
            key = new ECKeyGenerator(Curve.P_256).generate();
            proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        tokenEndpoint = URI.create(serverUrl + "/oauth2/token");
        userInfoEndpoint = URI.create(serverUrl + "/userinfo");
    }

    String thumbprint() throws JOSEException {
        return key.toPublicJWK().computeThumbprint().toString();
    }

    SignedJWT proof(String method, URI uri, AccessToken token) throws JOSEException {
        return token == null
                ? proofs.createDPoPJWT(method, uri, nonce)
                : proofs.createDPoPJWT(method, uri, token, nonce);
    }

    /** A token request of a confidential client, with a proof, retried once with the server's nonce. */
    TokenResponse token(ClientAuthentication client, AuthorizationGrant grant) throws Exception {
        return token(() -> new TokenRequest.Builder(tokenEndpoint, client, grant).build());
    }

    /** A token request of a public client, with a proof, retried once with the server's nonce. */
    TokenResponse token(ClientID client, AuthorizationGrant grant) throws Exception {
        return token(() -> new TokenRequest.Builder(tokenEndpoint, client, grant).build());
    }

    private TokenResponse token(java.util.function.Supplier<TokenRequest> request) throws Exception {
        HTTPResponse response = send(request.get().toHTTPRequest(), null);
        if (asksForNonce(response)) {
            response = send(request.get().toHTTPRequest(), null);
        }
        return OIDCTokenResponseParser.parse(response);
    }

    /** UserInfo with a DPoP access token, retried once with the server's nonce. */
    HTTPResponse userInfo(AccessToken token) throws Exception {
        HTTPResponse response = send(new UserInfoRequest(userInfoEndpoint, token).toHTTPRequest(), token);
        if (asksForNonce(response)) {
            response = send(new UserInfoRequest(userInfoEndpoint, token).toHTTPRequest(), token);
        }
        return response;
    }

    HTTPResponse send(HTTPRequest request, AccessToken token) throws Exception {
        request.setDPoP(proof(request.getMethod().name(), request.getURI(), token));
        return remember(request.send());
    }

    HTTPResponse remember(HTTPResponse response) {
        if (response.getDPoPNonce() != null) {
            nonce = response.getDPoPNonce();
        }
        lastResponse = response;
        return response;
    }

    static boolean asksForNonce(HTTPResponse response) {
        String body = response.getBody();
        String challenge = response.getHeaderValue("WWW-Authenticate");
        return (body != null && body.contains("\"use_dpop_nonce\""))
                || (challenge != null && challenge.contains("error=\"use_dpop_nonce\""));
    }
}
