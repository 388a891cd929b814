package com.example.authserver.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Disabled and locked-out users lose access everywhere: sign-in, refresh and UserInfo. */
@ServerTest
class ActiveUserCheckTests {

    @Autowired
    TestServer server;

    @Autowired
    UserManager userManager;

    @Autowired
    TestUsers testUsers;

    Browser browser;

    OidcClient client;

    @BeforeEach
    void setUp() {
        browser = server.browser();
        client = server.interactiveClient();
    }

    @Test
    void disabledUserCannotSignInAndSeesTheGenericError() {
        ApplicationUser user = testUsers.create("disabled");
        setEnabled(user, false);

        Browser.Page page = browser.follow(browser.signIn(user.getUserName(), TestUsers.PASSWORD));

        assertThat(page.uri().toString()).endsWith("/login?error");
        assertThat(page.document().select("[role=alert], .alert").text()).isNotBlank();
    }

    @Test
    void disablingAUserStopsTheirRefreshTokensAndUserInfoAtOnce() throws Exception {
        ApplicationUser user = testUsers.create("disable-later");
        Tokens tokens = SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD)
                .getTokens();

        setEnabled(user, false);

        TokenResponse refreshed = client.refresh(tokens.getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).isFalse();
        assertThat(refreshed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        UserInfoResponse userInfo = client.userInfo(tokens.getAccessToken());
        assertThat(userInfo.indicatesSuccess()).isFalse();
        assertThat(userInfo.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        ApplicationUser user = testUsers.create("lockout");
        for (int attempt = 1; attempt <= 4; attempt++) {
            Browser.Page failed = browser.follow(browser.signIn(user.getUserName(), "wrong-password"));
            assertThat(failed.uri().toString()).endsWith("/login?error");
        }

        Browser.Page fifth = browser.follow(browser.signIn(user.getUserName(), "wrong-password"));
        assertThat(fifth.uri().toString()).endsWith("/login?error");

        Browser.Page rightPassword = browser.follow(browser.signIn(user.getUserName(), TestUsers.PASSWORD));
        assertThat(rightPassword.uri().toString())
                .as("a stranger learns nothing of the lockout")
                .endsWith("/login?error");
        assertThat(rightPassword.document().select(".alert").text())
                .isEqualTo(browser.follow(browser.signIn("nobody-" + user.getId(), "x"))
                        .document()
                        .select(".alert")
                        .text());
        assertThat(userManager.findById(user.getId()).orElseThrow().getLockoutEnd())
                .isNotNull();
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "was locked after failed sign-in attempts"))
                .as("the owner is told")
                .isNotNull();
    }

    @Test
    void lockedOutUserLosesRefreshAndUserInfo() throws Exception {
        ApplicationUser user = testUsers.create("lock-later");
        Tokens tokens = SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD)
                .getTokens();

        Browser other = server.browser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            other.signIn(user.getUserName(), "wrong-password");
        }

        assertThat(client.refresh(tokens.getRefreshToken()).indicatesSuccess()).isFalse();
        assertThat(client.userInfo(tokens.getAccessToken()).indicatesSuccess()).isFalse();
    }

    @Test
    void successfulSignInResetsTheFailureCount() {
        ApplicationUser user = testUsers.create("reset");
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.signIn(user.getUserName(), "wrong-password");
        }
        Browser.Page signedIn = browser.follow(browser.signIn(user.getUserName(), TestUsers.PASSWORD));
        assertThat(signedIn.uri().getQuery()).isNull();

        assertThat(userManager.findById(user.getId()).orElseThrow().getAccessFailedCount())
                .isZero();
        Browser other = server.browser();
        Browser.Page oneMoreFailure = other.follow(other.signIn(user.getUserName(), "wrong-password"));
        assertThat(oneMoreFailure.uri().toString()).endsWith("/login?error");
    }

    private void setEnabled(ApplicationUser user, boolean enabled) {
        ApplicationUser current = userManager.findById(user.getId()).orElseThrow();
        current.setEnabled(enabled);
        userManager.update(current);
    }
}
