package com.example.authserver.account.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServerTest
class PersonalDataTests {

    static final String DELETE_FORM = "form[action$=/account/personal-data/delete]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDownloadHoldsTheProfileRolesGrantsAndNoSecrets() throws Exception {
        ApplicationUser user = testUsers.create("data-download");
        userManager.addClaim(user, "department", "Research");
        Browser browser = server.browser();
        SignInFlow.signIn(
                browser, server.interactiveClient(), "openid profile", user.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp.enable(browser, clock);

        Page download = browser.get(browser.navigate("/account/personal-data")
                .document()
                .selectFirst("a[href=/account/personal-data/download]")
                .attr("href"));

        assertThat(download.status()).isEqualTo(200);
        JsonNode data = JsonMapper.builder().build().readTree(download.body());
        assertThat(data.get("user").get("userName").asString()).isEqualTo(user.getUserName());
        assertThat(data.get("user").get("email").asString()).isEqualTo(user.getEmail());
        assertThat(data.get("user").get("givenName").asString()).isEqualTo("Test");
        assertThat(data.get("user").get("twoFactorEnabled").asBoolean()).isTrue();
        assertThat(data.get("claims").get(0).get("value").asString()).isEqualTo("Research");
        assertThat(data.get("allowedApplications").get(0).get("clientId").asString())
                .isEqualTo("interactive");
        assertThat(data.get("storedSecrets").toString()).contains("AuthenticatorKey", "RecoveryCodes");
        assertThat(data.get("securityActivity").get(0).get("event").asString()).isEqualTo("TWO_FACTOR_ENABLED");
        assertThat(data.get("securityActivity").toString()).contains("SIGN_IN_SUCCEEDED", "127.0.0.1");
        String stored = userManager.findById(user.getId()).orElseThrow().getPasswordHash();
        assertThat(download.body())
                .doesNotContain("passwordHash")
                .doesNotContain("securityStamp")
                .doesNotContain(stored);
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        ApplicationUser user = testUsers.create("data-keep");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page again = browser.submit(
                browser.navigate("/account/personal-data"), DELETE_FORM, Map.of("confirmation", "not-my-password"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#confirmation-error").text()).isEqualTo("That password is not correct.");
        assertThat(userManager.findById(user.getId())).isPresent();
    }

    @Test
    void deletingTheAccountRemovesEverythingAboutTheUser() throws Exception {
        ApplicationUser user = testUsers.create("data-delete");
        userManager.addClaim(user, "department", "Research");
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        OIDCTokenResponse tokens =
                SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp.enable(browser, clock);

        Page deleted = browser.follow(browser.submit(
                browser.navigate("/account/personal-data"), DELETE_FORM, Map.of("confirmation", TestUsers.PASSWORD)));

        assertThat(deleted.document().select("h1").text()).isEqualTo("Account deleted");
        assertThat(userManager.findById(user.getId())).isEmpty();
        for (String table : new String[] {"user_claims", "user_tokens", "user_logins", "user_roles"}) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from " + table + " where user_id = ?", Integer.class, user.getId()))
                    .as(table)
                    .isZero();
        }
        for (String table : new String[] {"oauth2_authorization", "oauth2_authorization_consent"}) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from " + table + " where principal_name = ?", Integer.class, user.getId()))
                    .as(table)
                    .isZero();
        }
        assertThat(client.refresh(tokens.getTokens().getRefreshToken()).indicatesSuccess())
                .isFalse();
        assertThat(browser.get("/account").status()).as("signed out").isEqualTo(302);
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "account was deleted")
                        .text())
                .as("no link to an account that is gone")
                .doesNotContain("http");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getQuery())
                .isEqualTo("error");
    }
}
