package com.example.authserver.keys;

import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.SignInFlow;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.net.URL;
import java.util.List;

/** What the tests of this package ask the server as a client would: tokens, the JWKS, UserInfo. */
final class KeyChecks {

    private KeyChecks() {}

    /** A client_credentials access token of the m2m client. */
    static String clientCredentialsToken(String issuer) throws Exception {
        return new OidcClient(issuer, OidcClient.M2M, OidcClient.M2M_SECRET)
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
    }

    /** An access token of alice for the interactive client, usable at UserInfo. */
    static AccessToken userAccessToken(String issuer) throws Exception {
        return SignInFlow.signIn(new Browser(issuer), interactiveClient(issuer), "openid profile", "alice", "Pass123$")
                .getTokens()
                .getAccessToken();
    }

    static boolean userInfoAccepts(String issuer, AccessToken accessToken) throws Exception {
        return interactiveClient(issuer).userInfo(accessToken).indicatesSuccess();
    }

    static SignedJWT parse(String token) throws Exception {
        return SignedJWT.parse(token);
    }

    static String kidOf(String token) throws Exception {
        return parse(token).getHeader().getKeyID();
    }

    static JWKSet jwks(String issuer) throws Exception {
        return JWKSet.load(new URL(issuer + "/oauth2/jwks"));
    }

    /** The key ids the JWKS publishes, in its order (newest first). */
    static List<String> publishedKids(String issuer) throws Exception {
        return jwks(issuer).getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** Whether the token's signature checks out against the JWKS as published now, as a resource server checks it. */
    static boolean validatesAgainstJwks(String token, String issuer) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // access tokens (at+jwt, RFC 9068) and ID tokens (JWT) alike
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                parse(token).getHeader().getAlgorithm(), new ImmutableJWKSet<>(jwks(issuer))));
        try {
            processor.process(token, null);
            return true;
        } catch (BadJOSEException ex) {
            return false;
        }
    }

    private static OidcClient interactiveClient(String issuer) {
        return new OidcClient(issuer, OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
    }
}
