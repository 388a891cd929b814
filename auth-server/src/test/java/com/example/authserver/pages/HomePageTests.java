package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class HomePageTests {

    @Autowired
    TestServer server;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void homePageInvitesAnonymousVisitorsToSignIn() {
        Page page = browser.navigate("/");

        assertThat(page.status()).isEqualTo(200);
        PageChecks.assertCommonLayout(page, "Home");
        assertThat(page.document().selectFirst("h1").text())
                .isEqualTo(
                        "Welcome to " + page.document().select("header .brand").text());
        assertThat(page.document().select("a[href=/login]").text()).isEqualTo("Sign in");
        assertThat(page.document().select("a[href=/logout], table")).isEmpty();
    }

    @Test
    void homePageLinksToTheDiscoveryDocumentAndTheSigningKeys() {
        Page page = browser.navigate("/");

        Element discovery = page.document().selectFirst("a[href=/.well-known/openid-configuration]");
        Element keys = page.document().selectFirst("a[href=/oauth2/jwks]");
        assertThat(discovery).isNotNull();
        assertThat(keys).isNotNull();
        assertThat(browser.navigate(discovery.attr("href")).body()).contains("\"issuer\"");
        assertThat(browser.navigate(keys.attr("href")).body()).contains("\"keys\"");
    }

    @Test
    void stylesheetAndIconAreServedByThisServerToVisitors() {
        for (Element asset : browser.navigate("/").document().select("head link[href]")) {
            Page served = browser.navigate(asset.attr("href"));
            assertThat(served.status()).as(asset.attr("href")).isEqualTo(200);
            assertThat(served.uri().getPath()).isEqualTo(asset.attr("href"));
        }
    }

    @Test
    void homePageShowsSignedInUsersClaims() {
        Page page = browser.signIn("alice", "Pass123$");

        assertThat(page.uri().getPath()).isEqualTo("/");
        PageChecks.assertCommonLayout(page, "Home");
        assertThat(page.document().select(".account").text()).contains("Signed in as alice");
        assertThat(page.document().select("main a[href=/logout]").text()).isEqualTo("Sign out");
        Map<String, String> claims = new LinkedHashMap<>();
        for (Element row : page.document().select("table.claims tbody tr")) {
            claims.put(row.selectFirst("th").text(), row.selectFirst("td").text());
        }
        assertThat(claims.get("sub")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(claims)
                .containsEntry("preferred_username", "alice")
                .containsEntry("name", "Alice Smith")
                .containsEntry("given_name", "Alice")
                .containsEntry("family_name", "Smith")
                .containsEntry("email", "AliceSmith@example.com")
                .containsEntry("email_verified", "true");
        assertThat(page.document().select("a[href=/.well-known/openid-configuration], a[href=/oauth2/jwks]"))
                .hasSize(2);
    }
}
