package com.example.authserver.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.pages.PageChecks;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ServerTest
class TwoFactorSettingsTests {

    static final String CODE_FORM = "form[action$=/login/two-factor]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ApplicationUser user;

    Browser browser;

    @BeforeEach
    void signIn() {
        user = testUsers.create("2fa-settings");
        browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theManagePageLinksToTwoFactorSettings() {
        Page manage = browser.navigate("/account");
        PageChecks.assertCommonLayout(manage, "Manage your account");

        Page settings = browser.navigate(
                manage.document().selectFirst("a[href=/account/two-factor]").attr("href"));

        assertThat(settings.document().text()).contains("Two-factor sign-in is off.");
        assertThat(settings.document()
                        .select("a[href=/account/two-factor/enable]")
                        .text())
                .isEqualTo("Set up an authenticator app");
    }

    @Test
    void theSetUpPageShowsAQrCodeOfTheKeyAndTheKeyAsText() {
        Page setUp = browser.navigate("/account/two-factor/enable");

        String key = setUp.document().selectFirst(".authenticator-key").text();
        String qr = setUp.document().selectFirst("img.qr-code").attr("src");
        assertThat(key).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(qr).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)));
        assertThat(svg).startsWith("<svg").contains("<path");
        assertThat(browser.navigate("/account/two-factor/enable")
                        .document()
                        .selectFirst(".authenticator-key")
                        .text())
                .as("the same key until it is proved")
                .isEqualTo(key);
    }

    @Test
    void theKeyIsStoredEncrypted() {
        String key = browser.navigate("/account/two-factor/enable")
                .document()
                .selectFirst(".authenticator-key")
                .text()
                .replace(" ", "");

        String stored = jdbc.queryForObject(
                "select value from user_tokens where user_id = ? and name = ?",
                String.class,
                user.getId(),
                "AuthenticatorKey");

        assertThat(stored).startsWith("v1.").doesNotContain(key).doesNotContain(key.toLowerCase());
    }

    @Test
    void aWrongCodeLeavesTwoFactorOff() {
        Page setUp = browser.navigate("/account/two-factor/enable");

        Page again = browser.submit(setUp, "form[action$=/account/two-factor/enable]", Map.of("code", "12"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#code-error").text()).startsWith("That code is not correct.");
        assertThat(again.document().select(".authenticator-key")).isNotEmpty();
        assertThat(userManager.findById(user.getId()).orElseThrow().isTwoFactorEnabled())
                .isFalse();
    }

    @Test
    void turningItOnShowsTenRecoveryCodesStoredOnlyAsHashes() {
        List<String> codes = AuthenticatorApp.enable(browser, clock).recoveryCodes();

        String stored = jdbc.queryForObject(
                "select value from user_tokens where user_id = ? and name = ?",
                String.class,
                user.getId(),
                "RecoveryCodes");
        assertThat(codes).hasSize(10);
        assertThat(stored.split(";")).hasSize(10);
        codes.forEach(code -> assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", "")));
        assertThat(userManager.findById(user.getId()).orElseThrow().isTwoFactorEnabled())
                .isTrue();
        assertThat(browser.navigate("/account/two-factor").document().text())
                .contains("Two-factor sign-in is on", "You have 10 recovery codes left.");
    }

    @Test
    void turningItOffLetsThePasswordAloneSignIn() {
        AuthenticatorApp.enable(browser, clock);

        Page status = browser.follow(browser.submit(
                browser.navigate("/account/two-factor"), "form[action$=/account/two-factor/disable]", Map.of()));

        assertThat(status.document().select(".alert-info").text()).isEqualTo("Two-factor sign-in is off.");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "Two-factor sign-in of your")
                        .subject())
                .endsWith("was turned on");
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "was turned off"))
                .isNotNull();
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() {
        List<String> old = AuthenticatorApp.enable(browser, clock).recoveryCodes();

        Page fresh = browser.follow(browser.submit(
                browser.navigate("/account/two-factor"), "form[action$=/account/two-factor/recovery-codes]", Map.of()));

        List<String> codes = fresh.document().select(".recovery-codes code").eachText();
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(old);
        Browser other = server.browser();
        Page refused = other.submit(
                other.signIn(user.getUserName(), TestUsers.PASSWORD), CODE_FORM, Map.of("code", old.get(0)));
        assertThat(refused.document().select("#code-error").text()).startsWith("That code is not correct.");
        Page signedIn = other.follow(other.submit(refused, CODE_FORM, Map.of("code", codes.get(0))));
        assertThat(signedIn.uri().getPath()).isEqualTo("/");
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "New recovery codes were made")
                        .text())
                .as("the owner is told, with a way out")
                .contains("/account/forgot-password");
    }

    @Test
    void resettingTheAppMakesANewKeyAndTurnsItOff() {
        AuthenticatorApp old = AuthenticatorApp.enable(browser, clock).app();

        Page setUp = browser.follow(browser.submit(
                browser.navigate("/account/two-factor"), "form[action$=/account/two-factor/reset]", Map.of()));

        assertThat(setUp.uri().getPath()).isEqualTo("/account/two-factor/enable");
        assertThat(userManager.findById(user.getId()).orElseThrow().isTwoFactorEnabled())
                .isFalse();
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "Two-factor sign-in of your"))
                .isNotNull();
        clock.advance(Duration.ofSeconds(30));
        Page again = browser.submit(setUp, "form[action$=/account/two-factor/enable]", Map.of("code", old.code()));
        assertThat(again.document().select("#code-error").text())
                .as("the old app's codes no longer work")
                .startsWith("That code is not correct.");
    }

    @Test
    void turningItOnSignsOutTheUsersOtherSessionsButNotThisOne() {
        Browser otherDevice = server.browser();
        otherDevice.signIn(user.getUserName(), TestUsers.PASSWORD);
        assertThat(otherDevice.get("/account").status()).isEqualTo(200);

        AuthenticatorApp.enable(browser, clock);

        assertThat(browser.get("/account").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(otherDevice.get("/account").status()).isEqualTo(302);
        assertThat(browser.get("/account").status()).isEqualTo(200);
    }
}
