package com.example.authserver.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.ClientCallback;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.RealBrowser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main journeys as a person goes through them, in a real headless Chromium ({@link RealBrowser}: skipped where
 * there is none; screenshots in target/screenshots/AccountJourneyTests). No page here needs JavaScript.
 */
@ServerTest
class AccountJourneyTests {

    static final String PASSWORD = "Journey-Password-7";

    @RegisterExtension
    static RealBrowser browser = new RealBrowser();

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    TestClock clock;

    @Test
    void registerConfirmSignInWithTwoFactorManageAndDeleteTheAccount() {
        String userName = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String email = userName + "@example.com";

        browser.open("/account/register");
        assertThat(browser.heading()).isEqualTo("Create an account");
        browser.type("#userName", userName)
                .type("#email", email)
                .type("#givenName", "Jo")
                .type("#familyName", "Urney")
                .type("#password", PASSWORD)
                .type("#confirmPassword", PASSWORD)
                .click("form[action$='/account/register'] button[type=submit]");
        assertThat(browser.heading()).isEqualTo("Check your email");

        browser.open(TestMailServer.awaitMail(email).link("/account/confirm-email?token="));
        assertThat(browser.heading()).isEqualTo("Confirm your email address");
        browser.type("#password", PASSWORD).click("form[action$='/account/confirm-email'] button[type=submit]");
        assertThat(browser.heading()).isEqualTo("Email address confirmed");

        signInWithPassword(userName, PASSWORD);
        assertThat(browser.heading()).isEqualTo("Your account");
        assertThat(browser.text(".account")).contains("Signed in as " + userName);

        browser.open("/account");
        assertThat(browser.heading()).isEqualTo("Manage your account");
        browser.click("a[href$='/account/two-factor']");
        assertThat(browser.heading()).isEqualTo("Two-factor sign-in");
        assertThat(browser.text("main")).contains("Two-factor sign-in is off.");
        browser.click("a[href$='/account/two-factor/enable']");
        assertThat(browser.heading()).isEqualTo("Set up an authenticator app");
        AuthenticatorApp app = new AuthenticatorApp(browser.text(".authenticator-key"), clock);
        browser.type("#code", app.code()).click("form[action$='/account/two-factor/enable'] button[type=submit]");
        assertThat(browser.heading()).isEqualTo("Your recovery codes");
        assertThat(browser.findAll(".recovery-codes code")).hasSize(10);

        signOut();
        signInWithPassword(userName, PASSWORD);
        assertThat(browser.heading()).isEqualTo("Enter your code");
        browser.type("#code", app.nextCode()).click("form[action$='/login/two-factor'] button[type=submit]");
        assertThat(browser.heading()).isEqualTo("Your account");

        browser.open("/account/profile");
        assertThat(browser.heading()).isEqualTo("Your profile");
        browser.type("#givenName", "Joanna").click("form[action$='/account/profile'] button[type=submit]");
        assertThat(browser.text("main")).contains("Your profile has been saved.");
        assertThat(browser.find("#givenName").getDomProperty("value")).isEqualTo("Joanna");

        browser.open("/account/personal-data");
        assertThat(browser.heading()).isEqualTo("Your personal data");
        assertThat(browser.find("a[href$='/account/personal-data/download']").getText())
                .isNotBlank();
        browser.type("#confirmation", PASSWORD)
                .click("form[action$='/account/personal-data/delete'] button[type=submit]");
        assertThat(browser.heading()).isEqualTo("Account deleted");

        signInWithPassword(userName, PASSWORD);
        assertThat(browser.heading()).isEqualTo("Sign in");
        assertThat(browser.text(".alert-error")).isEqualTo("Invalid user name or password.");
    }

    @Test
    void anApplicationSendsTheUserToSignInAndConsentAndGetsACode() throws Exception {
        ApplicationUser user = users.create("oidc-journey");
        OidcClient client = server.interactiveClient();
        Authorization authorization = client.authorizationRequest("openid profile email", ClientCallback.redirectUri());

        browser.open(authorization.requestUri().toString());
        assertThat(browser.heading()).isEqualTo("Sign in");
        signInOnThisPage(user.getUserName(), TestUsers.PASSWORD);
        assertThat(browser.heading()).endsWith("wants to access your account");
        assertThat(browser.text("main")).contains("Signed in as " + user.getUserName());
        browser.click("#consent-allow button[type=submit]");

        // the client's page (support/ClientCallback), whatever else listens on the machine
        assertThat(browser.heading()).isEqualTo("The client got the redirect");
        URI redirect = URI.create(browser.currentUrl());
        assertThat(redirect.toString()).startsWith(ClientCallback.redirectUri().toString());
        AuthorizationCode code = client.codeFrom(redirect, authorization);
        TokenResponse tokens = client.exchange(code, authorization.verifier(), ClientCallback.redirectUri());
        assertThat(tokens.indicatesSuccess()).isTrue();
        assertThat(((OIDCTokenResponse) tokens.toSuccessResponse())
                        .getOIDCTokens()
                        .getIDToken()
                        .getJWTClaimsSet()
                        .getSubject())
                .isEqualTo(user.getId());
    }

    private void signInWithPassword(String userName, String password) {
        browser.open("/login");
        signInOnThisPage(userName, password);
    }

    private void signInOnThisPage(String userName, String password) {
        browser.type("#username", userName)
                .type("#password", password)
                .click("form[action$='/login'] button[type=submit]");
    }

    private void signOut() {
        browser.open("/logout").click("form[action$='/logout'] button[type=submit]");
        assertThat(browser.text(".alert-info")).isEqualTo("You have been signed out.");
    }
}
