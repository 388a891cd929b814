package com.example.authserver.twofactor;

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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class TwoFactorSignInTests {

    static final String CODE_FORM = "form[action$=/login/two-factor]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    TestClock clock;

    ApplicationUser user;

    AuthenticatorApp app;

    java.util.List<String> recoveryCodes;

    @BeforeEach
    void userWithTwoFactor() {
        user = testUsers.create("2fa");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp.Enabled enabled = AuthenticatorApp.enable(browser, clock);
        app = enabled.app();
        recoveryCodes = enabled.recoveryCodes();
        // the next sign-in needs a code of a later time step than the one that turned two-factor on
        clock.advance(Duration.ofSeconds(30));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePasswordAloneDoesNotSignIn() {
        Browser browser = server.browser();

        Page second = browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        assertThat(second.uri().getPath()).isEqualTo("/login/two-factor");
        assertThat(second.document().selectFirst("#code").attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(browser.get("/account").status()).as("not signed in yet").isEqualTo(302);
        assertThat(browser.get("/account").location()).endsWith("/login");
    }

    @Test
    void theCodeFromTheAppCompletesTheSignIn() {
        Browser browser = server.browser();
        Page second = browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page home = browser.follow(browser.submit(second, CODE_FORM, Map.of("code", app.code())));

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.document().select(".account").text()).contains(user.getUserName());
    }

    @Test
    void aWrongCodeIsReshownWithAMessageAndCounts() {
        Browser browser = server.browser();
        Page second = browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page again =
                browser.submit(second, CODE_FORM, Map.of("code", "000000".equals(app.code()) ? "111111" : "000000"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#code-error").text()).startsWith("That code is not correct.");
        assertThat(userManager.findById(user.getId()).orElseThrow().getAccessFailedCount())
                .isEqualTo(1);
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String code = app.code();
        Browser first = server.browser();
        first.follow(
                first.submit(first.signIn(user.getUserName(), TestUsers.PASSWORD), CODE_FORM, Map.of("code", code)));
        Browser second = server.browser();

        Page replayed =
                second.submit(second.signIn(user.getUserName(), TestUsers.PASSWORD), CODE_FORM, Map.of("code", code));

        assertThat(replayed.document().select("#code-error").text()).startsWith("That code is not correct.");
        Page next = second.follow(second.submit(replayed, CODE_FORM, Map.of("code", app.nextCode())));
        assertThat(next.uri().getPath()).isEqualTo("/");
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        String recoveryCode = recoveryCodes.get(3).toUpperCase();

        Browser browser = server.browser();
        Page home = browser.follow(browser.submit(
                browser.signIn(user.getUserName(), TestUsers.PASSWORD), CODE_FORM, Map.of("code", recoveryCode)));
        Browser again = server.browser();
        Page refused = again.submit(
                again.signIn(user.getUserName(), TestUsers.PASSWORD), CODE_FORM, Map.of("code", recoveryCode));

        assertThat(recoveryCodes)
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(refused.document().select("#code-error").text()).startsWith("That code is not correct.");
        assertThat(browser.navigate("/account/two-factor").document().text())
                .contains("You have 9 recovery codes left.");
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        Browser browser = server.browser();
        Page page = browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        for (int attempt = 0; attempt < 4; attempt++) {
            page = browser.submit(page, CODE_FORM, Map.of("code", "12345" + attempt));
            assertThat(page.status()).isEqualTo(200);
        }

        Page locked = browser.follow(browser.submit(page, CODE_FORM, Map.of("code", "123459")));

        assertThat(locked.uri().toString()).as("said as for a wrong password").endsWith("/login?error");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getQuery())
                .isEqualTo("error");
        assertThat(userManager.findById(user.getId()).orElseThrow().isLockedOut(clock.instant()))
                .isTrue();
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "was locked after failed sign-in attempts"))
                .as("the owner is told")
                .isNotNull();
    }

    @Test
    void theRightPasswordAgainDoesNotClearTheWrongCodes() {
        int attemptsLeft = 4;
        for (int round = 0; round < 2; round++) { // password, two wrong codes; password, two wrong codes
            Browser browser = server.browser();
            Page page = browser.signIn(user.getUserName(), TestUsers.PASSWORD);
            assertThat(page.uri().getPath()).isEqualTo("/login/two-factor");
            for (int attempt = 0; attempt < 2; attempt++, attemptsLeft--) {
                page = browser.submit(page, CODE_FORM, Map.of("code", "00000" + attempt));
                assertThat(page.status()).isEqualTo(200);
            }
        }
        Browser browser = server.browser();
        Page page = browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page fifth = browser.follow(browser.submit(page, CODE_FORM, Map.of("code", "000009")));

        assertThat(attemptsLeft).isZero();
        assertThat(fifth.uri().toString()).endsWith("/login?error");
        assertThat(userManager.findById(user.getId()).orElseThrow().isLockedOut(clock.instant()))
                .as("five wrong codes, passwords between them")
                .isTrue();
    }

    @Test
    void theSecondStepExpires() {
        Browser browser = server.browser();
        Page second = browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        clock.advance(Duration.ofMinutes(6));

        Page login = browser.follow(browser.submit(second, CODE_FORM, Map.of("code", app.code())));

        assertThat(login.uri().toString()).endsWith("/login?expired");
        assertThat(login.document().select(".alert-error").text())
                .isEqualTo("Your sign-in took too long. Please sign in again.");
    }

    @Test
    void theSecondStepPageWithoutAPasswordFirstSendsToSignIn() {
        Page page = server.browser().get("/login/two-factor");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login?expired");
    }

    @Test
    void anApplicationGetsItsTokensAfterBothSteps() throws Exception {
        Browser browser = server.browser();
        OidcClient client = server.interactiveClient();
        OidcClient.Authorization authorization = client.authorizationRequest("openid profile");
        Page second = SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);
        assertThat(second.uri().getPath()).isEqualTo("/login/two-factor");

        Page consent = browser.follow(browser.submit(second, CODE_FORM, Map.of("code", app.code())));
        Page redirect = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));
        OIDCTokenResponse tokens = (OIDCTokenResponse)
                client.exchange(client.codeFrom(redirect.uri(), authorization), authorization.verifier())
                        .toSuccessResponse();

        assertThat(client.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce())
                        .getSubject())
                .isEqualTo(user.getId());
    }
}
