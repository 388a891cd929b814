package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class ErrorPageTests {

    @Autowired
    TestServer server;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void unknownPathShowsFriendlyNotFoundPageWithoutStackTrace() {
        browser.signIn("alice", "Pass123$");

        Page page = browser.navigate("/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        PageChecks.assertCommonLayout(page, "Error 404");
        assertThat(page.document().selectFirst("h1").text()).isEqualTo("Page not found.");
        assertThat(page.document().select("main a[href=/]")).hasSize(1);
        assertNoInternals(page);
    }

    @Test
    void formPostedWithoutCsrfTokenShowsFriendlyNotAllowedPage() {
        Page confirmation = browser.signIn("alice", "Pass123$");
        confirmation = browser.navigate("/logout");
        FormElement form = confirmation.form("form[action=/logout]");
        form.select("input[name=_csrf]").remove();

        Page page = browser.submit(form);

        assertThat(page.status()).isEqualTo(403);
        PageChecks.assertCommonLayout(page, "Error 403");
        assertThat(page.document().selectFirst("h1").text()).isEqualTo("You are not allowed to see this page.");
        assertNoInternals(page);
        assertThat(browser.navigate("/").document().text())
                .as("still signed in")
                .contains("Signed in as alice");
    }

    private static void assertNoInternals(Page page) {
        assertThat(page.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("whitelabel")
                .doesNotContain("at org.")
                .doesNotContain("at com.")
                .doesNotContain("trace");
    }
}
