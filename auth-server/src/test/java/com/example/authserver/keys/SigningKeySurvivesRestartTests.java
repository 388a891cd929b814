package com.example.authserver.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RestartableServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts the server on one database: the signing key, the clients and the users survive, so a
 * token issued before the restart still validates after it.
 */
class SigningKeySurvivesRestartTests {

    RestartableServer server = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void tokenIssuedBeforeARestartValidatesAgainstTheJwksAfterIt() throws Exception {
        String token;
        JWKSet keysBefore;
        try (ConfigurableApplicationContext first = server.start()) {
            String issuer = RestartableServer.url(first);
            token = new OidcClient(issuer, OidcClient.M2M, OidcClient.M2M_SECRET)
                    .clientCredentials("scope1")
                    .toSuccessResponse()
                    .getTokens()
                    .getAccessToken()
                    .getValue();
            keysBefore = JWKSet.load(new URL(issuer + "/oauth2/jwks"));
        }

        try (ConfigurableApplicationContext second = server.start()) {
            JWKSet keysAfter = JWKSet.load(new URL(RestartableServer.url(second) + "/oauth2/jwks"));

            assertThat(keysAfter.toString()).isEqualTo(keysBefore.toString());
            assertThat(keysAfter.getKeys())
                    .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
            processor.setJWSKeySelector(
                    new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keysAfter)));
            assertThat(processor.process(token, null).getSubject()).isEqualTo(OidcClient.M2M);
        }
    }
}
