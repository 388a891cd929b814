package com.example.authserver.account;

import static com.example.authserver.account.AccountPageChecks.h1;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A session someone found open (or stole) cannot be turned into a lasting way in: the changes that could keep an
 * intruder in need a sign-in of the last few minutes, and otherwise the password (or a code) again.
 */
@ServerTest
class RecentSignInTests {

    static final String REAUTHENTICATE_FORM = "form[action$=/account/reauthenticate]";

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
        user = testUsers.create("recent");
        browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOldSignInEntersThePasswordAgainAndComesBackToTheChange() {
        Page emailPage = browser.navigate("/account/email");
        clock.advance(Duration.ofMinutes(6));

        Page asked = browser.submit(emailPage, "form[action$=/account/email]", Map.of("email", "new@example.org"));
        assertThat(asked.location()).endsWith("/account/reauthenticate?continue=%2Faccount%2Femail");
        Page reauthenticate = browser.follow(asked);
        assertThat(h1(reauthenticate)).isEqualTo("Confirm it is you");
        Page wrong = browser.submit(reauthenticate, REAUTHENTICATE_FORM, Map.of("password", "not-it"));
        assertThat(wrong.document().select("[role=alert]").text()).isEqualTo("That password is not correct.");
        assertThat(userManager.findById(user.getId()).orElseThrow().getAccessFailedCount())
                .as("counts to lockout")
                .isEqualTo(1);

        Page back = browser.follow(browser.submit(wrong, REAUTHENTICATE_FORM, Map.of("password", TestUsers.PASSWORD)));
        assertThat(back.uri().getPath()).isEqualTo("/account/email");
        Page sent = browser.follow(browser.submit(
                back,
                "form[action$=/account/email]",
                Map.of("email", AccountPageChecks.unique("new") + "@example.org")));
        assertThat(h1(sent)).isEqualTo("Check your inbox");
    }

    @Test
    void everyChangeThatCouldKeepAnIntruderInNeedsARecentSignIn() {
        AuthenticatorApp.enable(browser, clock);
        Page anyPage = browser.navigate("/account/two-factor");
        String csrf = anyPage.document().selectFirst("input[name=_csrf]").val();
        clock.advance(Duration.ofMinutes(6));

        for (String change : List.of(
                "/account/external-logins/add",
                "/account/email",
                "/account/two-factor/disable",
                "/account/two-factor/reset",
                "/account/two-factor/recovery-codes",
                "/account/personal-data/delete",
                "/account/set-password",
                "/account/two-factor/enable",
                // the same paths as Spring decodes them: spelling a letter in %XX must not slip past the guard
                "/account/%65mail",
                "/account/two-factor/%64isable")) {
            Page answer = browser.post(change, List.of(Map.entry("_csrf", csrf)));
            assertThat(answer.status()).as(change).isEqualTo(302);
            assertThat(answer.location()).as(change).startsWith(server.issuer() + "/account/reauthenticate?continue=");
        }
        Page passkeyOptions = browser.post("/webauthn/register/options", List.of(Map.entry("_csrf", csrf)));
        assertThat(browser.post("/webauthn/register/%6Fptions", List.of(Map.entry("_csrf", csrf)))
                        .status())
                .isEqualTo(401);
        assertThat(passkeyOptions.status()).isEqualTo(401);
        assertThat(passkeyOptions.location()).isEqualTo("/account/reauthenticate?continue=%2Faccount%2Fpasskeys");
        assertThat(browser.navigate("/account/passkeys").status())
                .as("the pages themselves stay open")
                .isEqualTo(200);
        assertThat(passkeyOptions.body()).contains("reauthentication_required");
        assertThat(userManager.findById(user.getId()).orElseThrow().isTwoFactorEnabled())
                .as("nothing changed")
                .isTrue();
    }

    @Test
    void signingInAgainOnlyEverGoesBackToThePageOfAChange() {
        Page page = browser.navigate("/account/reauthenticate?continue=https://evil.example/");

        Page after = browser.submit(page, REAUTHENTICATE_FORM, Map.of("password", TestUsers.PASSWORD));

        assertThat(after.location()).isEqualTo(server.issuer() + "/account");
    }

    @Test
    void aUserWithoutPasswordConfirmsWithACodeFromTheAuthenticator() {
        AuthenticatorApp app = AuthenticatorApp.enable(browser, clock).app();
        // as a user who signs in through a provider only
        jdbc.update("update users set password_hash = null where id = ?", user.getId());
        clock.advance(Duration.ofMinutes(6));

        Page reauthenticate = browser.follow(browser.submit(
                browser.navigate("/account/two-factor"), "form[action$=/account/two-factor/recovery-codes]", Map.of()));
        assertThat(reauthenticate.document().select("#code")).hasSize(1);
        assertThat(reauthenticate.document().select("#password")).isEmpty();
        Page back = browser.follow(browser.submit(reauthenticate, REAUTHENTICATE_FORM, Map.of("code", app.code())));

        assertThat(back.uri().getPath()).isEqualTo("/account/two-factor");
    }

    @Test
    void aSessionEndedElsewhereAMomentAgoCannotSlipAChangeInBeforeItsNextCheck() {
        Page emailPage = browser.navigate("/account/email");
        Browser owner = server.browser();
        owner.signIn(user.getUserName(), TestUsers.PASSWORD);
        owner.follow(owner.submit(
                owner.navigate("/account/change-password"),
                "form[action$=/account/change-password]",
                Map.of(
                        "currentPassword",
                        TestUsers.PASSWORD,
                        "password",
                        "Brand-New-Pass-7",
                        "confirmPassword",
                        "Brand-New-Pass-7")));

        Page answer = browser.submit(emailPage, "form[action$=/account/email]", Map.of("email", "taken@example.org"));

        assertThat(answer.location()).as("signed out, not asked to confirm").isEqualTo(server.issuer() + "/login");
        assertThat(browser.get("/account").status()).isEqualTo(302);
    }

    @Test
    void theAuthenticatorKeyIsNeverShownAgainOnceTwoFactorSignInIsOn() {
        AuthenticatorApp.enable(browser, clock);

        Page setUp = browser.get("/account/two-factor/enable");

        assertThat(setUp.location()).isEqualTo(server.issuer() + "/account/two-factor");
    }
}
