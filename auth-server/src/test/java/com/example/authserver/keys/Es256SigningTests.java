package com.example.authserver.keys;

import static com.example.authserver.keys.KeyChecks.clientCredentialsToken;
import static com.example.authserver.keys.KeyChecks.jwks;
import static com.example.authserver.keys.KeyChecks.parse;
import static com.example.authserver.keys.KeyChecks.userAccessToken;
import static com.example.authserver.keys.KeyChecks.userInfoAccepts;
import static com.example.authserver.keys.KeyChecks.validatesAgainstJwks;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RestartableServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code authforge.keys.algorithm=ES256}: the server makes a P-256 key and signs its tokens ES256. */
class Es256SigningTests {

    RestartableServer server = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void es256KeySignsTokensThatValidateAgainstTheJwksAndAtUserInfoAndDiscoverySaysSo() throws Exception {
        try (ConfigurableApplicationContext context = server.start("--authforge.keys.algorithm=ES256")) {
            String issuer = RestartableServer.url(context);

            String token = clientCredentialsToken(issuer);

            assertThat(parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(parse(token).getJWTClaimsSet().getSubject()).isEqualTo(OidcClient.M2M);
            JWK published = jwks(issuer).getKeyByKeyId(parse(token).getHeader().getKeyID());
            assertThat(published).isInstanceOf(ECKey.class);
            assertThat(((ECKey) published).getCurve()).isEqualTo(Curve.P_256);
            assertThat(published.isPrivate()).isFalse();
            assertThat(validatesAgainstJwks(token, issuer)).isTrue();
            assertThat(userInfoAccepts(issuer, userAccessToken(issuer))).isTrue();
            assertThat(OIDCProviderMetadata.resolve(new Issuer(issuer)).getIDTokenJWSAlgs())
                    .containsExactly(JWSAlgorithm.ES256);
        }
    }
}
