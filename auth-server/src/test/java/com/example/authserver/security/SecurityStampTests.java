package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Changing credentials ends the user's other sessions (within the check interval) and earlier refresh tokens. */
@ServerTest
class SecurityStampTests {

    static final String NEW_PASSWORD = "Velvet-Harbor-42";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void changingThePasswordSignsOutTheOtherSessionsAfterTheCheckInterval() {
        ApplicationUser user = testUsers.create("stamp-sessions");
        Browser laptop = server.browser();
        Browser phone = server.browser();
        laptop.signIn(user.getUserName(), TestUsers.PASSWORD);
        phone.signIn(user.getUserName(), TestUsers.PASSWORD);
        assertThat(phone.get("/account").status()).isEqualTo(200);

        changePassword(laptop);

        assertThat(phone.get("/account").status())
                .as("checked less than a minute ago")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));
        assertThat(phone.get("/account").status()).isEqualTo(302);
        assertThat(phone.get("/account").location()).endsWith("/login");
        assertThat(laptop.get("/account").status())
                .as("the session that changed it goes on")
                .isEqualTo(200);
    }

    @Test
    void aDisabledUsersSessionEnds() {
        ApplicationUser user = testUsers.create("stamp-disabled");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        assertThat(browser.get("/account").status()).isEqualTo(200);

        ApplicationUser current = userManager.findById(user.getId()).orElseThrow();
        current.setEnabled(false);
        userManager.update(current);
        clock.advance(Duration.ofSeconds(61));

        assertThat(browser.get("/account").status()).isEqualTo(302);
    }

    @Test
    void refreshTokensIssuedBeforeAPasswordChangeStopWorking() throws Exception {
        ApplicationUser user = testUsers.create("stamp-refresh");
        OidcClient client = server.interactiveClient();
        OIDCTokenResponse before =
                SignInFlow.signIn(server.browser(), client, "openid profile", user.getUserName(), TestUsers.PASSWORD);
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        changePassword(browser);
        TokenResponse refreshed = client.refresh(before.getTokens().getRefreshToken());

        assertThat(refreshed.indicatesSuccess()).isFalse();
        assertThat(refreshed.toErrorResponse().getErrorObject().getCode())
                .isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        OIDCTokenResponse after =
                SignInFlow.signIn(server.browser(), client, "openid profile", user.getUserName(), NEW_PASSWORD);
        assertThat(client.refresh(after.getTokens().getRefreshToken()).indicatesSuccess())
                .isTrue();
    }

    private static void changePassword(Browser browser) {
        Browser.Page done = browser.follow(browser.submit(
                browser.navigate("/account/change-password"),
                "form[action$=/account/change-password]",
                Map.of(
                        "currentPassword",
                        TestUsers.PASSWORD,
                        "password",
                        NEW_PASSWORD,
                        "confirmPassword",
                        NEW_PASSWORD)));
        assertThat(done.document().select("h1").text()).isEqualTo("Password changed");
    }
}
