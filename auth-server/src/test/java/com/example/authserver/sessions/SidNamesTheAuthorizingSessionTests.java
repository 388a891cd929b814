package com.example.authserver.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ID token's {@code sid} names the session in which the user authorized the client, not whichever of the user's
 * sessions was used last: RP-initiated logout with that token ends that session, and only that one.
 */
@ServerTest
class SidNamesTheAuthorizingSessionTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Test
    void logoutWithTheFirstSessionsIdTokenEndsTheFirstSessionOnly() throws Exception {
        ApplicationUser user = users.create("two-sessions");
        OidcClient client = server.interactiveClient();
        Browser first = server.browser();
        Browser second = server.browser();
        Authorization firstAuthorization = client.authorizationRequest("openid");
        AuthorizationCode firstCode =
                SignInFlow.authorize(first, client, firstAuthorization, user.getUserName(), TestUsers.PASSWORD);
        JWT secondIdToken = SignInFlow.signIn(second, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getOIDCTokens()
                .getIDToken();
        TokenResponse exchanged = client.exchange(firstCode, firstAuthorization.verifier());
        JWT firstIdToken = ((OIDCTokenResponse) exchanged.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken();

        assertThat(client.claimsOf(firstIdToken).get("sid"))
                .as("each session has its own sid")
                .isNotNull()
                .isNotEqualTo(client.claimsOf(secondIdToken).get("sid"));
        Browser.Page logout = first.get("/connect/logout?id_token_hint=" + firstIdToken.serialize()
                + "&post_logout_redirect_uri=http://127.0.0.1:8080/");
        assertThat(logout.status()).as(logout.body()).isEqualTo(302);
        assertThat(first.navigate("/account/manage").uri().getPath())
                .as("the first session ended")
                .isEqualTo("/login");
        assertThat(second.navigate("/account/manage").uri().getPath())
                .as("the second session goes on")
                .isEqualTo("/account/manage");
    }

    @Test
    void logoutWithAnotherSessionsIdTokenIsRefusedAndEndsNothing() throws Exception {
        ApplicationUser user = users.create("other-session");
        OidcClient client = server.interactiveClient();
        Browser first = server.browser();
        Browser second = server.browser();
        SignInFlow.signIn(first, client, "openid", user.getUserName(), TestUsers.PASSWORD);
        OIDCTokenResponse secondTokens =
                SignInFlow.signIn(second, client, "openid", user.getUserName(), TestUsers.PASSWORD);

        Browser.Page logout = first.get("/connect/logout?id_token_hint="
                + secondTokens.getOIDCTokens().getIDTokenString()
                + "&post_logout_redirect_uri=http://127.0.0.1:8080/");

        assertThat(logout.status()).isEqualTo(400);
        assertThat(first.navigate("/account/manage").uri().getPath()).isEqualTo("/account/manage");
        assertThat(second.navigate("/account/manage").uri().getPath()).isEqualTo("/account/manage");
    }
}
