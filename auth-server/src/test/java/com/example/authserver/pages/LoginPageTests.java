package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class LoginPageTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void loginPageHasLabelledFieldsAndCsrfToken() {
        Page page = browser.navigate("/login");

        assertThat(page.status()).isEqualTo(200);
        PageChecks.assertCommonLayout(page, "Sign in");
        Document document = page.document();
        assertThat(document.selectFirst("h1").text()).isEqualTo("Sign in");
        FormElement form = page.form("form[action=/login]");
        assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
        assertThat(document.selectFirst("label[for=username]").text()).isEqualTo("User name");
        assertThat(document.selectFirst("#username").attr("name")).isEqualTo("username");
        assertThat(document.selectFirst("#username").attr("autocomplete")).isEqualTo("username");
        assertThat(document.selectFirst("label[for=password]").text()).isEqualTo("Password");
        assertThat(document.selectFirst("#password").attr("name")).isEqualTo("password");
        assertThat(document.selectFirst("#password").attr("type")).isEqualTo("password");
        assertThat(document.selectFirst("#password").attr("autocomplete")).isEqualTo("current-password");
        assertThat(document.select("[role=alert], [role=status]")).isEmpty();
    }

    @Test
    void signingInWithTheRightPasswordLeadsToTheHomePage() {
        Page page = browser.signIn("alice", "Pass123$");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.document().text()).contains("Signed in as alice");
    }

    @Test
    void wrongPasswordAndUnknownUserShowTheSameGenericError() {
        ApplicationUser existing = testUsers.create("wrong-password");

        Page wrongPassword = browser.signIn(existing.getUserName(), "not-" + TestUsers.PASSWORD);
        Page unknownUser = browser.signIn("nobody-" + UUID.randomUUID(), TestUsers.PASSWORD);

        for (Page page : new Page[] {wrongPassword, unknownUser}) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.uri().getPath()).isEqualTo("/login");
            assertThat(page.uri().getQuery()).isEqualTo("error");
            assertThat(page.document().select("[role=alert]").text()).isEqualTo("Invalid user name or password.");
        }
        assertThat(wrongPassword.document().selectFirst("main").text())
                .isEqualTo(unknownUser.document().selectFirst("main").text());
    }

    @Test
    void lockedOutNoticeSaysToTryAgainLater() {
        Page page = browser.navigate("/login?locked");

        assertThat(page.document().select("[role=alert]").text())
                .contains("locked")
                .contains("try again later");
        assertThat(page.document().select("#username")).hasSize(1);
    }
}
