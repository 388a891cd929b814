package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class LogoutPageTests {

    @Autowired
    TestServer server;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void signOutAsksForConfirmationThenSignsOutWithAPost() {
        browser.signIn("alice", "Pass123$");

        Page confirmation = browser.navigate("/logout");
        assertThat(confirmation.status()).isEqualTo(200);
        PageChecks.assertCommonLayout(confirmation, "Sign out");
        assertThat(confirmation.document().selectFirst("h1").text()).isEqualTo("Sign out");
        assertThat(confirmation.document().select("a[href=/]").text()).contains("Cancel");

        Page signedOut = browser.submit(confirmation.form("form[action=/logout]"));
        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        assertThat(signedOut.uri().getQuery()).isEqualTo("logout");
        assertThat(signedOut.document().select("[role=status]").text()).isEqualTo("You have been signed out.");
        assertThat(signedOut.document().select("[role=alert]")).isEmpty();

        Page home = browser.navigate("/");
        assertThat(home.document().selectFirst("h1").text())
                .isEqualTo(
                        "Welcome to " + home.document().select("header .brand").text());
        assertThat(home.document().text()).doesNotContain("Signed in as");
    }
}
