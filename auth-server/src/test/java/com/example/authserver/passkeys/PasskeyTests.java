package com.example.authserver.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.ClientCallback;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.RealBrowser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Passkeys in a real headless Chromium with its virtual authenticator (a platform authenticator that verifies its
 * user), against the server on http://localhost (a secure context, and the development relying party id): added on
 * the manage page, then used to sign in without a password, and as the second factor. Skipped without Chromium.
 */
@ServerTest
class PasskeyTests {

    static final String SIGN_IN_WITH_PASSKEY = "[data-passkey=sign-in] button";

    static final String PASSKEY_INSTEAD_OF_CODE = "[data-passkey=second-factor] button";

    @RegisterExtension
    static RealBrowser browser = new RealBrowser();

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    UserManager userManager;

    @Autowired
    Passkeys passkeys;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPasskeyAddedOnTheManagePageSignsInWithoutAPassword() throws Exception {
        ApplicationUser user = users.create("passkey");
        browser.addPasskeyAuthenticator();
        signInWithPassword(user);

        browser.open("/account");
        assertThat(browser.text("main")).contains("Passkeys").contains("None");
        browser.click("a[href$='/account/passkeys']");
        assertThat(browser.heading()).isEqualTo("Passkeys");
        assertThat(browser.text("main")).contains("You have no passkeys yet.");
        addPasskey("Test laptop");
        assertThat(browser.text(".passkeys tbody")).contains("Test laptop");
        assertThat(TestMailServer.awaitMailAbout(user.getEmail(), "A passkey was added"))
                .as("the owner is told")
                .isNotNull();

        signOut();
        browser.open("/login").press(SIGN_IN_WITH_PASSKEY).awaitHeading("Your account");
        assertThat(browser.text(".account")).contains("Signed in as " + user.getUserName());
        assertThat(passkeys.of(user.getId()))
                .singleElement()
                .satisfies(passkey -> assertThat(passkey.lastUsed()).isAfter(passkey.created()));

        signOut();
        OidcClient client = server.interactiveClient();
        // the client's side of the redirect is support/ClientCallback: whatever listens on 127.0.0.1:8080 (a
        // developer's own client) never sees the code
        Authorization authorization = client.authorizationRequest("openid profile", ClientCallback.redirectUri());
        browser.open(authorization.requestUri().toString())
                .press(SIGN_IN_WITH_PASSKEY)
                .awaitPath("/oauth2/consent");
        assertThat(browser.heading()).endsWith("wants to access your account");
        browser.click("#consent-allow button[type=submit]");
        assertThat(browser.heading()).isEqualTo("The client got the redirect");
        TokenResponse tokens = client.exchange(
                client.codeFrom(URI.create(browser.currentUrl()), authorization),
                authorization.verifier(),
                ClientCallback.redirectUri());
        assertThat(((OIDCTokenResponse) tokens.toSuccessResponse())
                        .getOIDCTokens()
                        .getIDToken()
                        .getJWTClaimsSet()
                        .getSubject())
                .isEqualTo(user.getId());
    }

    @Test
    void aPasskeyStandsInForTheCodeOfTwoFactorSignIn() {
        ApplicationUser user = users.create("passkey-2fa");
        browser.addPasskeyAuthenticator();
        signInWithPassword(user);
        browser.open("/account/passkeys");
        addPasskey("Phone");
        // two-factor sign-in on, as after setting up an authenticator app (AccountJourneyTests does that in full)
        userManager.updateSecurity(user.getId(), changed -> changed.setTwoFactorEnabled(true));
        signOut();

        signInWithPassword(user);
        assertThat(browser.heading()).isEqualTo("Enter your code");
        browser.press(PASSKEY_INSTEAD_OF_CODE).awaitHeading("Your account");
        assertThat(browser.text(".account")).contains("Signed in as " + user.getUserName());
    }

    @Test
    void theTwoFactorStepOffersNoPasskeyToUsersWithoutOne() {
        ApplicationUser user = users.create("no-passkey-2fa");
        userManager.updateSecurity(user.getId(), changed -> changed.setTwoFactorEnabled(true));

        signInWithPassword(user);

        assertThat(browser.heading()).isEqualTo("Enter your code");
        assertThat(browser.findAll("[data-passkey]")).isEmpty();
    }

    @Test
    void aRemovedPasskeyNoLongerSignsInAndTheUsersOtherSessionsEnd() {
        ApplicationUser user = users.create("passkey-removed");
        browser.addPasskeyAuthenticator();
        signInWithPassword(user);
        browser.open("/account/passkeys");
        addPasskey("Old key");
        Browser otherSession = server.browser();
        otherSession.signIn(user.getUserName(), TestUsers.PASSWORD);
        assertThat(otherSession.navigate("/account").uri().getPath()).isEqualTo("/account");

        browser.click("form[action*='/remove'] button[type=submit]");
        assertThat(browser.text(".alert-info")).isEqualTo("The passkey has been removed. It no longer signs you in.");
        assertThat(browser.text("main")).contains("You have no passkeys yet.");
        clock.advance(Duration.ofMinutes(2));
        assertThat(otherSession.navigate("/account").uri().getPath()).isEqualTo("/login");
        browser.open("/account");
        assertThat(browser.heading()).isEqualTo("Manage your account");

        signOut();
        browser.open("/login").press(SIGN_IN_WITH_PASSKEY).awaitVisible("[data-passkey=sign-in] .alert-error");
        assertThat(browser.text("[data-passkey=sign-in] .alert-error"))
                .isEqualTo("Signing in with a passkey did not work. Try again, or sign in with your password.");
        browser.open("/account");
        assertThat(browser.heading()).isEqualTo("Sign in");
    }

    @Test
    void aDisabledUsersPasskeyDoesNotSignIn() {
        ApplicationUser user = users.create("passkey-disabled");
        browser.addPasskeyAuthenticator();
        signInWithPassword(user);
        browser.open("/account/passkeys");
        addPasskey("Laptop");
        signOut();
        userManager.updateSecurity(user.getId(), changed -> changed.setEnabled(false));

        browser.open("/login").press(SIGN_IN_WITH_PASSKEY).awaitVisible("[data-passkey=sign-in] .alert-error");

        browser.open("/account");
        assertThat(browser.heading()).isEqualTo("Sign in");
    }

    private void addPasskey(String label) {
        browser.type("#passkey-label", label)
                .press("[data-passkey=register] button")
                .awaitVisible(".alert-info");
        assertThat(browser.text(".alert-info")).isEqualTo("Your new passkey has been added.");
    }

    private void signInWithPassword(ApplicationUser user) {
        browser.open("/login")
                .type("#username", user.getUserName())
                .type("#password", TestUsers.PASSWORD)
                .click("form[action$='/login'] button[type=submit]");
    }

    private void signOut() {
        browser.open("/logout").click("form[action$='/logout'] button[type=submit]");
        assertThat(browser.text(".alert-info")).isEqualTo("You have been signed out.");
    }
}
