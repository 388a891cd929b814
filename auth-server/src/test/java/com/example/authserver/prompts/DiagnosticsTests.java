package com.example.authserver.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OtherLocalAddress;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The diagnostics page over HTTP: for a signed-in user on the loopback address, and a 404 for any other address, even
 * one that writes {@code X-Forwarded-For: 127.0.0.1} (who may see it elsewhere: {@link DiagnosticsAccessTests}).
 */
@ServerTest
class DiagnosticsTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    ApplicationUser user;

    @BeforeEach
    void setUp() {
        user = users.create("diagnostics");
    }

    @Test
    void showsTheSignInAndTheClaimsToASignedInUserOnLoopback() {
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page page = browser.navigate("/diagnostics");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("#user-name").text()).isEqualTo(user.getUserName());
        assertThat(page.document().selectFirst("#sub").text()).isEqualTo(user.getId());
        assertThat(page.document().selectFirst("#amr").text()).isEqualTo("pwd");
        assertThat(page.document().selectFirst("#acr").text()).isEqualTo("1fa");
        assertThat(page.document().selectFirst("#auth-time").text()).isNotBlank();
        assertThat(page.document().select("#factors code").eachText()).containsExactly("FACTOR_PASSWORD");
        assertThat(page.document().select("#claims").text())
                .contains("sub " + user.getId())
                .contains("email " + user.getEmail())
                .contains("given_name Test");
        assertThat(page.document().select("#session-clients code")).isEmpty();
        assertThat(browser.navigate("/").document().select("a[href=/diagnostics]"))
                .as("linked from the home page")
                .hasSize(1);
    }

    @Test
    void listsTheClientsAuthorizedInThisSessionOnly() throws Exception {
        Browser browser = server.browser();
        SignInFlow.signIn(
                browser, server.interactiveClient(), "openid profile", user.getUserName(), TestUsers.PASSWORD);
        Browser otherSession = server.browser();
        otherSession.signIn(user.getUserName(), TestUsers.PASSWORD);

        assertThat(browser.navigate("/diagnostics")
                        .document()
                        .select("#session-clients code")
                        .eachText())
                .containsExactly(OidcClient.INTERACTIVE);
        assertThat(otherSession.navigate("/diagnostics").document().select("#session-clients code"))
                .isEmpty();
    }

    @Test
    void sendsAVisitorOnLoopbackToSignIn() {
        Page page = server.browser().get("/diagnostics");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void isNotFoundFromAnotherAddressSignedInOrNotAndNotLinked() {
        Browser remote = new Browser(OtherLocalAddress.serverUrl(server.port()));
        assertThat(remote.get("/diagnostics").status()).isEqualTo(404);
        remote.signIn(user.getUserName(), TestUsers.PASSWORD);

        assertThat(remote.get("/diagnostics").status()).isEqualTo(404);
        assertThat(remote.navigate("/").document().select("a[href=/diagnostics]"))
                .isEmpty();
    }

    @Test
    void aForgedForwardedForDoesNotMakeARemoteRequestLocal() {
        Browser remote = new Browser(OtherLocalAddress.serverUrl(server.port()))
                .withHeader("X-Forwarded-For", "127.0.0.1")
                .withHeader("X-Real-IP", "127.0.0.1")
                .withHeader("Forwarded", "for=127.0.0.1");
        remote.signIn(user.getUserName(), TestUsers.PASSWORD);

        assertThat(remote.get("/diagnostics").status()).isEqualTo(404);
    }
}
