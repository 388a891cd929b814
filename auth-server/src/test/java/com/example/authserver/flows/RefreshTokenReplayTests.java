package com.example.authserver.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refresh tokens rotate, and a rotated one presented again means a copy was stolen: the whole grant is revoked,
 * the newest refresh and access tokens included. Token values are kept nowhere in the database.
 */
@ServerTest
class RefreshTokenReplayTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    OidcClient client;

    ApplicationUser user;

    @BeforeEach
    void setUp() {
        browser = server.browser();
        client = server.interactiveClient();
        user = testUsers.create("replay");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeGrant() throws Exception {
        Tokens first = SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD)
                .getTokens();
        TokenResponse refreshed = client.refresh(first.getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).as("the first refresh works").isTrue();
        Tokens second = refreshed.toSuccessResponse().getTokens();

        TokenResponse replayed = client.refresh(first.getRefreshToken());
        assertThat(replayed.indicatesSuccess()).isFalse();
        assertThat(replayed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

        TokenResponse afterReplay = client.refresh(second.getRefreshToken());
        assertThat(afterReplay.indicatesSuccess())
                .as("the newest refresh token died with the grant")
                .isFalse();
        assertThat(afterReplay.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(client.introspect(second.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
    }

    @Test
    void tokenValuesOfARealSignInAreStoredNowhere() throws Exception {
        Authorization authorization = client.authorizationRequest("openid profile");
        AuthorizationCode code =
                SignInFlow.authorize(browser, client, authorization, user.getUserName(), TestUsers.PASSWORD);
        OIDCTokenResponse tokens = (OIDCTokenResponse)
                client.exchange(code, authorization.verifier()).toSuccessResponse();
        Tokens refreshed = client.refresh(tokens.getTokens().getRefreshToken())
                .toSuccessResponse()
                .getTokens();

        List<String> values = List.of(
                code.getValue(),
                tokens.getTokens().getAccessToken().getValue(),
                tokens.getTokens().getRefreshToken().getValue(),
                tokens.getOIDCTokens().getIDTokenString(),
                refreshed.getAccessToken().getValue(),
                refreshed.getRefreshToken().getValue());
        List<String> stored = everyStoredText();
        for (String value : values) {
            assertThat(stored).noneMatch(text -> text.contains(value));
        }
        assertThat(client.introspect(refreshed.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .as("and yet the server finds them")
                .isTrue();
    }

    /** Every column of every row of the tables that hold authorizations, as text. */
    private List<String> everyStoredText() {
        List<String> texts = new ArrayList<>();
        for (String table : List.of("oauth2_authorization", "oauth2_rotated_refresh_token")) {
            jdbc.query("select * from " + table, row -> {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String text = row.getString(column);
                    if (text != null) {
                        texts.add(text);
                    }
                }
            });
        }
        return texts;
    }
}
