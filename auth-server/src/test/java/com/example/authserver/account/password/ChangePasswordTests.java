package com.example.authserver.account.password;

import static com.example.authserver.account.AccountPageChecks.NEW_PASSWORD;
import static com.example.authserver.account.AccountPageChecks.h1;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.AccountPageChecks;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class ChangePasswordTests {

    static final String FORM = "form[action$=/account/change-password]";

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
    void visitorsAreSentToSignInFirst() {
        Page page = browser.get("/account/change-password");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void theHomePageLinksSignedInUsersToTheChangePage() {
        ApplicationUser user = testUsers.create("home-link");
        Page home = browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Element link = home.document().selectFirst(".account a[href=/account/change-password]");

        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Change password");
        Page form = browser.navigate(link.attr("href"));
        AccountPageChecks.assertCommonLayout(form, "Change password");
        assertThat(form.document().selectFirst("#currentPassword").attr("autocomplete"))
                .isEqualTo("current-password");
        assertThat(form.document().selectFirst("#password").attr("autocomplete"))
                .isEqualTo("new-password");
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        ApplicationUser user = testUsers.create("wrong-current");
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page again = browser.submit(
                browser.navigate("/account/change-password"), FORM, fields("not-the-password", NEW_PASSWORD));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#currentPassword-error").text())
                .isEqualTo("Your current password is not correct.");
        assertThat(again.document().select("input[type=password]").eachAttr("value"))
                .containsOnly("");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
    }

    @Test
    void theRightCurrentPasswordChangesIt() {
        ApplicationUser user = testUsers.create("change");
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page done = browser.follow(browser.submit(
                browser.navigate("/account/change-password"), FORM, fields(TestUsers.PASSWORD, NEW_PASSWORD)));

        assertThat(h1(done)).isEqualTo("Password changed");
        assertThat(done.document().select("a[href=/]")).isNotEmpty();
        assertThat(server.browser()
                        .signIn(user.getUserName(), NEW_PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getQuery())
                .isEqualTo("error");
        TestMailServer.ReceivedMail notice = TestMailServer.awaitMail(user.getEmail());
        assertThat(notice.subject()).startsWith("The password of your").endsWith("account was changed");
        assertThat(notice.text()).contains(user.getUserName(), "/account/forgot-password");
    }

    @Test
    void theNewPasswordFollowsThePolicy() {
        ApplicationUser user = testUsers.create("policy");
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page again = browser.submit(
                browser.navigate("/account/change-password"), FORM, fields(TestUsers.PASSWORD, "qwerty123"));

        assertThat(again.document().select("#password-error").text()).contains("too common");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
    }

    private static Map<String, String> fields(String current, String password) {
        return Map.of("currentPassword", current, "password", password, "confirmPassword", password);
    }
}
