package com.example.authserver.account;

import static com.example.authserver.account.AccountPageChecks.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Small limits (see {@link RestrictedAccountSettings}): each test uses up one limit of its own. */
@RestrictedAccountSettings
class RateLimitTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signInAttemptsPerAccountAreLimitedEvenWithTheRightPasswordUntilTimePasses() {
        ApplicationUser user = testUsers.create("limited");
        Page login = browser.navigate("/login");
        for (int attempt = 1; attempt <= RestrictedAccountSettings.SIGN_IN_PER_ACCOUNT; attempt++) {
            Page failed = browser.submit(
                    login,
                    "form[action$=/login]",
                    Map.of("username", user.getUserName(), "password", "wrong-" + attempt));
            assertThat(failed.status()).as("attempt %s", attempt).isEqualTo(302);
        }

        Page limited = browser.submit(
                login, "form[action$=/login]", Map.of("username", user.getUserName(), "password", TestUsers.PASSWORD));

        assertTooManyAttempts(limited);
        Page otherUser = browser.signIn(testUsers.create("not-limited").getUserName(), TestUsers.PASSWORD);
        assertThat(otherUser.uri().getPath())
                .as("other accounts are not limited")
                .isEqualTo("/");
        clock.advance(Duration.parse("PT" + RestrictedAccountSettings.PERIOD.toUpperCase()));
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
    }

    @Test
    void aPathSpelledWithPercentEscapesIsCountedLikeThePlainOne() {
        ApplicationUser user = testUsers.create("escaped");
        Page login = browser.navigate("/login");
        String csrf = login.document().selectFirst("input[name=_csrf]").val();
        for (int attempt = 1; attempt <= RestrictedAccountSettings.SIGN_IN_PER_ACCOUNT; attempt++) {
            Page failed = browser.post(
                    "/%6Cogin",
                    List.of(
                            Map.entry("_csrf", csrf),
                            Map.entry("username", user.getUserName()),
                            Map.entry("password", "wrong-" + attempt)));
            assertThat(failed.status()).as("attempt %s", attempt).isEqualTo(302);
        }

        assertTooManyAttempts(browser.post(
                "/log%69n",
                List.of(
                        Map.entry("_csrf", csrf),
                        Map.entry("username", user.getUserName()),
                        Map.entry("password", TestUsers.PASSWORD))));
    }

    @Test
    void passwordResetRequestsPerAddressAreLimited() {
        Page form = browser.navigate("/account/forgot-password");
        for (int attempt = 1; attempt <= RestrictedAccountSettings.RESET_PER_IP; attempt++) {
            Page sent = browser.submit(
                    form, "form[action$=/account/forgot-password]", Map.of("email", unique("reset") + "@example.net"));
            assertThat(sent.status()).as("attempt %s", attempt).isEqualTo(302);
        }

        Page limited = browser.submit(
                form, "form[action$=/account/forgot-password]", Map.of("email", unique("reset") + "@example.net"));

        assertTooManyAttempts(limited);
    }

    @Test
    void confirmationResendsPerAccountAreLimited() {
        String email = unique("resend") + "@example.net";
        Page form = browser.navigate("/account/resend-confirmation");
        for (int attempt = 1; attempt <= RestrictedAccountSettings.RESEND_PER_ACCOUNT; attempt++) {
            Page sent = browser.submit(form, "form[action$=/account/resend-confirmation]", Map.of("email", email));
            assertThat(sent.status()).as("attempt %s", attempt).isEqualTo(302);
        }

        assertTooManyAttempts(browser.submit(
                form, "form[action$=/account/resend-confirmation]", Map.of("email", email.toUpperCase())));
        assertThat(browser.submit(
                                form,
                                "form[action$=/account/resend-confirmation]",
                                Map.of("email", unique("other") + "@example.net"))
                        .status())
                .isEqualTo(302);
    }

    @Test
    void secondFactorCodesPerAccountAreLimited() {
        ApplicationUser user = testUsers.create("code-limited");
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp.enable(browser, clock);
        Browser signIn = server.browser();
        Page codePage = signIn.signIn(user.getUserName(), TestUsers.PASSWORD);
        for (int attempt = 1; attempt <= RestrictedAccountSettings.CODE_PER_ACCOUNT; attempt++) {
            Page failed = signIn.submit(codePage, "form[action$=/login/two-factor]", Map.of("code", "00000" + attempt));
            assertThat(failed.status()).as("attempt %s", attempt).isEqualTo(200);
        }

        Page limited = signIn.submit(codePage, "form[action$=/login/two-factor]", Map.of("code", "000009"));

        assertTooManyAttempts(limited);
    }

    private static void assertTooManyAttempts(Page page) {
        assertThat(page.status()).isEqualTo(429);
        AccountPageChecks.assertCommonLayout(page, "Error 429");
        assertThat(page.document().selectFirst("h1").text())
                .startsWith("Too many attempts")
                .contains("try again later");
    }
}
