package com.example.authserver.requests;

import com.example.authserver.clients.ClientSecretHashing;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * A client of the tests that signs request objects: registered in the server with a fresh id (no consent asked), its
 * keys (RSA for RS256 and PS256, EC for ES256) held here, the public halves registered inline or served from a URL.
 */
final class RequestClients {

    static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/login/oauth2/code/jar");

    final String clientId = "jar-" + UUID.randomUUID();

    /** Also the HS256 key an attacker would try: the client secret, known to the client. */
    final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();

    final RSAKey rsa;

    final ECKey ec;

    private RequestClients() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-" + clientId).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-" + clientId).generate();
    }

    /** A new client whose keys are registered inline ({@code settings.client.jwks}). */
    static RequestClients inline(RegisteredClientRepository clients, ClientSecretHashing hashing) throws Exception {
        RequestClients client = new RequestClients();
        client.register(clients, hashing, settings -> settings.setting(RequestSettings.JWKS, client.publicKeys()));
        return client;
    }

    /** A new client whose keys are at {@code jwksUri}. */
    static RequestClients atUrl(RegisteredClientRepository clients, ClientSecretHashing hashing, URI jwksUri)
            throws Exception {
        RequestClients client = new RequestClients();
        client.register(clients, hashing, settings -> settings.jwkSetUrl(jwksUri.toString()));
        return client;
    }

    String publicKeys() {
        return new JWKSet(List.<JWK>of(rsa, ec)).toPublicJWKSet().toString();
    }

    ClientID id() {
        return new ClientID(clientId);
    }

    /** What the client remembers of one request, and the request object carrying it. */
    record Request(SignedJWT object, State state, Nonce nonce, CodeVerifier verifier) {}

    /** An OpenID Connect request as a request object, signed with {@code alg}; {@code changes} tamper with it. */
    Request signed(String issuer, JWSAlgorithm alg, Consumer<JWTClaimsSet.Builder> changes) throws Exception {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        JWTClaimsSet parameters = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse("openid profile"), id(), REDIRECT_URI)
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toJWTClaimsSet();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(parameters)
                .issuer(clientId)
                .audience(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        changes.accept(claims);
        return new Request(sign(alg, claims.build()), state, nonce, verifier);
    }

    SignedJWT sign(JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        JWSSigner signer;
        String keyId;
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            signer = new ECDSASigner(ec);
            keyId = ec.getKeyID();
        } else if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            signer = new MACSigner(secret);
            keyId = null;
        } else {
            signer = new RSASSASigner(rsa);
            keyId = rsa.getKeyID();
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg)
                        .keyID(keyId)
                        .type(new JOSEObjectType("oauth-authz-req+jwt"))
                        .build(),
                claims);
        jwt.sign(signer);
        return jwt;
    }

    private void register(
            RegisteredClientRepository clients, ClientSecretHashing hashing, Consumer<ClientSettings.Builder> keys) {
        ClientSettings.Builder settings =
                ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false);
        keys.accept(settings);
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(hashing.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI.toString())
                .scopes(scopes -> scopes.addAll(List.of("openid", "profile")))
                .clientSettings(settings.build())
                .build());
    }
}
