package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** client_credentials access tokens are not stored, yet introspection and revocation treat them as if they were. */
@ServerTest
class SelfContainedClientTokensTests {

    @Autowired
    TestServer server;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    AuthorizationCleanup cleanup;

    @Test
    void clientCredentialsTokensLeaveNoRowAndIntrospectAsActive() throws Exception {
        int rowsBefore = rows();
        AccessToken token = null;
        for (int i = 0; i < 20; i++) {
            token = server.m2mClient()
                    .clientCredentials("scope1")
                    .toSuccessResponse()
                    .getTokens()
                    .getAccessToken();
        }

        assertThat(rows()).as("rows after 20 tokens").isEqualTo(rowsBefore);
        TokenIntrospectionSuccessResponse answer =
                server.m2mClient().introspect(token).toSuccessResponse();
        assertThat(answer.isActive()).isTrue();
        assertThat(answer.getClientID().getValue()).isEqualTo(OidcClient.M2M);
        assertThat(answer.getSubject().getValue()).isEqualTo(OidcClient.M2M);
        assertThat(answer.getScope().toStringList()).containsExactly("scope1");
        assertThat(answer.getTokenType().getValue()).isEqualTo("Bearer");
        assertThat(answer.getExpirationTime()).isInTheFuture();
    }

    @Test
    void aRevokedTokenIsStoredAsRevokedAndIntrospectsAsInactive() throws Exception {
        OidcClient m2m = server.m2mClient();
        AccessToken token =
                m2m.clientCredentials("scope1").toSuccessResponse().getTokens().getAccessToken();
        AccessToken other =
                m2m.clientCredentials("scope1").toSuccessResponse().getTokens().getAccessToken();
        int rowsBefore = rows();

        assertThat(server.interactiveClient().revoke(token).getStatusCode())
                .as("another client's token: refused")
                .isEqualTo(400);
        assertThat(introspect(token).isActive()).isTrue();
        assertThat(m2m.revoke(token).getStatusCode()).isEqualTo(200);

        assertThat(introspect(token).isActive()).isFalse();
        assertThat(introspect(other).isActive()).as("only that token").isTrue();
        assertThat(rows()).as("the revoked token's row, until it expires").isEqualTo(rowsBefore + 1);
        assertThat(m2m.revoke(token).getStatusCode()).as("revoking again").isEqualTo(200);
        assertThat(rows()).isEqualTo(rowsBefore + 1);
    }

    @Test
    void aTokenWithAnAlteredPayloadOrFromElsewhereIsInactive() throws Exception {
        String token = server.m2mClient()
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
        String[] parts = token.split("\\.");
        String otherPayload = server.m2mClient()
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue()
                .split("\\.")[1];

        assertThat(introspect(new BearerAccessToken(parts[0] + "." + otherPayload + "." + parts[2]))
                        .isActive())
                .isFalse();
        assertThat(introspect(new BearerAccessToken(parts[0] + "." + parts[1] + "."))
                        .isActive())
                .isFalse();
        assertThat(introspect(new BearerAccessToken("not.a.jwt")).isActive()).isFalse();
        assertThat(server.m2mClient().introspect(new RefreshToken(token)).indicatesSuccess())
                .isTrue();
    }

    @Test
    void aRevokedTokenStaysInactiveAfterTheCleanUpUntilItExpires() throws Exception {
        OidcClient m2m = server.m2mClient();
        AccessToken token =
                m2m.clientCredentials("scope1").toSuccessResponse().getTokens().getAccessToken();
        assertThat(m2m.revoke(token).getStatusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        cleanup.purge();

        assertThat(introspect(token).isActive())
                .as("a purged revocation would bring the token back")
                .isFalse();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private TokenIntrospectionSuccessResponse introspect(AccessToken token) throws Exception {
        TokenIntrospectionResponse answer = server.m2mClient().introspect(token);
        return answer.toSuccessResponse();
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from oauth2_authorization", Integer.class);
    }
}
