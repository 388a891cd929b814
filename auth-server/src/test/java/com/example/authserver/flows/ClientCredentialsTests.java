package com.example.authserver.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.TokenResponse;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class ClientCredentialsTests {

    @Autowired
    TestServer server;

    @Test
    void m2mClientGetsASignedAccessTokenForItsScope() throws Exception {
        TokenResponse response = server.m2mClient().clientCredentials("scope1");

        assertThat(response.indicatesSuccess()).isTrue();
        String accessToken =
                response.toSuccessResponse().getTokens().getAccessToken().getValue();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // RFC 9068: a resource server accepts only JWTs typed as access tokens
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.RS256,
                JWKSourceBuilder.create(new URL(server.issuer() + "/oauth2/jwks"))
                        .build()));
        JWTClaimsSet claims = processor.process(accessToken, null);
        assertThat(claims.getSubject()).isEqualTo(OidcClient.M2M);
        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getStringClaim("scope")).isEqualTo("scope1");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(OidcClient.M2M);
        assertThat(claims.getAudience()).containsExactly("http://127.0.0.1:8081/");
    }

    @Test
    void wrongSecretIsRefusedAsInvalidClient() throws Exception {
        TokenResponse response = server.client(OidcClient.M2M, "not-the-secret").clientCredentials("scope1");

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(401);
    }

    @Test
    void unknownClientIsRefusedAsInvalidClient() throws Exception {
        TokenResponse response = server.client("no.such.client", "secret").clientCredentials("scope1");

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void scopeTheClientDoesNotHaveIsRefusedAsInvalidScope() throws Exception {
        TokenResponse response = server.m2mClient().clientCredentials("scope2");

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void interactiveClientMayNotUseClientCredentials() throws Exception {
        TokenResponse response = server.interactiveClient().clientCredentials("scope2");

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("unauthorized_client");
    }
}
