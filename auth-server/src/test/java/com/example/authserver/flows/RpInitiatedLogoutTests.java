package com.example.authserver.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.ClientCallback;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** OpenID Connect RP-initiated logout: the client sends the user here to sign out, and gets them back. */
@ServerTest
class RpInitiatedLogoutTests {

    @Autowired
    TestServer server;

    Browser browser;

    OidcClient client;

    String idToken;

    @BeforeEach
    void signIn() throws Exception {
        browser = server.browser();
        client = server.interactiveClient();
        idToken = SignInFlow.signIn(browser, client, "openid", "alice", "Pass123$")
                .getOIDCTokens()
                .getIDTokenString();
    }

    @Test
    void logoutEndsTheSessionAndReturnsToTheRegisteredPostLogoutUri() {
        Browser.Page logout = browser.get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=http://127.0.0.1:8080/&state=after-logout");

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo("http://127.0.0.1:8080/?state=after-logout");
        Browser.Page next = browser.navigate(
                client.authorizationRequest("openid").requestUri().toString());
        assertThat(next.uri().getPath())
                .as("signed out: asked to sign in again")
                .isEqualTo("/login");
    }

    @Test
    void postLogoutUriFromConfigurationIsAccepted() {
        Browser.Page logout = browser.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + ClientCallback.postLogoutRedirectUri());

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location())
                .isEqualTo(ClientCallback.postLogoutRedirectUri().toString());
    }

    @Test
    void unregisteredPostLogoutUriIsRefused() {
        Browser.Page logout = browser.get(
                "/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=http://evil.example/");

        assertThat(logout.status()).isEqualTo(400);
        assertThat(logout.location()).isNull();
        assertThat(logout.body()).doesNotContain("Exception");
    }

    @Test
    void malformedIdTokenHintIsRefusedWithoutAStackTrace() {
        Browser.Page logout = browser.get("/connect/logout?id_token_hint=garbage");

        assertThat(logout.status()).isEqualTo(400);
        assertThat(logout.body()).doesNotContain("Exception", "at org.");
    }
}
