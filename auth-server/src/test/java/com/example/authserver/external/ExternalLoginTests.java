package com.example.authserver.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLogin;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestMailServer.ReceivedMail;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through an upstream OpenID Connect provider, end to end over HTTP: the provider is a second instance of
 * this server ({@link UpstreamProvider}), and a browser signs in there, consents and comes back.
 */
class ExternalLoginTests {

    static UpstreamProvider servers;

    static UserManager userManager;

    static UserLogins userLogins;

    @BeforeAll
    static void startProviderAndServer() {
        servers = new UpstreamProvider();
        userManager = servers.app.getBean(UserManager.class);
        userLogins = servers.app.getBean(UserLogins.class);
    }

    @AfterAll
    static void stopBoth() {
        servers.close();
    }

    @Test
    void theSignInPageShowsOneButtonPerConfiguredProvider() {
        Page login = servers.browser().navigate("/login");

        assertThat(login.document().select("form.external-login button").eachText())
                .containsExactlyInAnyOrder("Sign in with " + UpstreamProvider.DISPLAY_NAME, "Sign in with Down Inc");
        assertThat(login.document().select("form.external-login input[name=_csrf]"))
                .hasSize(2);
    }

    @Test
    void aFirstSignInOffersToCreateAnAccountPrefilledFromTheProviderAndSignsIntoIt() {
        ApplicationUser upstream = servers.newUpstreamUser();
        Browser browser = servers.browser();

        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);

        assertThat(choice.uri().getPath()).isEqualTo("/account/external-login");
        assertThat(choice.document().selectFirst("h1").text())
                .isEqualTo("Signed in with " + UpstreamProvider.DISPLAY_NAME);
        assertThat(choice.document().selectFirst("#userName").val()).isEqualTo(upstream.getUserName());
        assertThat(choice.document().selectFirst("#email").val()).isEqualTo(upstream.getEmail());
        assertThat(browser.navigate("/").document().text())
                .as("not signed in before choosing")
                .doesNotContain("Signed in as");
        Page home = browser.follow(
                browser.submit(browser.navigate("/account/external-login"), "#create-account", Map.of()));

        ApplicationUser created = userManager.findByName(upstream.getUserName()).orElseThrow();
        assertThat(home.document().text()).contains("Signed in as " + upstream.getUserName());
        assertThat(created.isEmailConfirmed())
                .as("email_verified=true at the provider")
                .isTrue();
        assertThat(created.getPasswordHash()).isNull();
        assertThat(userLogins.getLogins(created)).singleElement().satisfies(login -> {
            assertThat(login.getLoginProvider()).isEqualTo(UpstreamProvider.PROVIDER_ID);
            assertThat(login.getProviderKey()).as("the upstream sub").isEqualTo(upstream.getId());
            assertThat(login.getProviderDisplayName()).isEqualTo(UpstreamProvider.DISPLAY_NAME);
        });
    }

    @Test
    void anAddressTheProviderDidNotConfirmIsConfirmedByEmailFirstAndTakenNamesAreRefused() {
        ApplicationUser upstream = servers.newUpstreamUser();
        Browser browser = servers.browser();
        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);

        Page taken = browser.submit(choice, "#create-account", Map.of("userName", "alice"));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.document().selectFirst("#userName-error").text()).contains("taken");
        String otherEmail = "changed-" + UUID.randomUUID() + "@example.com";
        Page sent = browser.follow(browser.submit(
                taken, "#create-account", Map.of("userName", upstream.getUserName(), "email", otherEmail)));

        assertThat(sent.document().selectFirst("h1").text()).isEqualTo("Check your email");
        assertThat(browser.navigate("/").document().text())
                .as("not signed in before confirming")
                .doesNotContain("Signed in as");
        ApplicationUser created = userManager.findByName(upstream.getUserName()).orElseThrow();
        assertThat(created.getEmail()).isEqualTo(otherEmail);
        assertThat(created.isEmailConfirmed())
                .as("the provider vouched for another address")
                .isFalse();
        assertThat(userLogins.getLogins(created))
                .extracting(UserLogin::getProviderKey)
                .containsExactly(upstream.getId());
        String link = TestMailServer.awaitMail(otherEmail).link("/account/confirm-email");
        Page confirmPage = browser.get(link);
        assertThat(confirmPage.document().select("#password"))
                .as("no password to ask for")
                .isEmpty();
        Browser stranger = servers.browser(); // the address's owner, say, who did not make this account
        Page refused = servers.followAcross(
                stranger,
                stranger.submit(stranger.get(link), "form[action$=/account/confirm-email/provider]", Map.of()));
        assertThat(refused.uri().toString())
                .as("sent to sign in at the provider, as someone else")
                .startsWith(servers.providerUrl + "/login");
        assertThat(userManager.findById(created.getId()).orElseThrow().isEmailConfirmed())
                .isFalse();

        Page home = servers.followAcross(
                browser, browser.submit(confirmPage, "form[action$=/account/confirm-email/provider]", Map.of()));
        assertThat(userManager.findById(created.getId()).orElseThrow().isEmailConfirmed())
                .as("confirmed by signing in through its own provider account")
                .isTrue();
        assertThat(home.document().text())
                .as("still signed in at the provider")
                .contains("Signed in as " + upstream.getUserName());
    }

    @Test
    void anAccountMadeThroughAProviderWithSomeoneElsesAddressIsHersOnceSheResetsThePassword() {
        ApplicationUser squatter = servers.newUpstreamUser();
        String victimEmail = "victim-" + UUID.randomUUID() + "@example.com";
        Browser attacker = servers.browser();
        Page sent = attacker.follow(attacker.submit(
                servers.signInThroughProvider(attacker, attacker.navigate("/login"), squatter),
                "#create-account",
                Map.of("email", victimEmail)));
        assertThat(sent.document().selectFirst("h1").text()).isEqualTo("Check your email");
        Page refused = servers.clickSignInWith(attacker, attacker.navigate("/login"), UpstreamProvider.PROVIDER_ID);
        assertThat(refused.uri().getQuery())
                .as("not before the address is confirmed")
                .isEqualTo("error");

        Browser victim = servers.browser();
        victim.submit(
                victim.navigate("/account/forgot-password"),
                "form[action$=/account/forgot-password]",
                Map.of("email", victimEmail));
        String link = TestMailServer.awaitMailAbout(victimEmail, "Choose a new password")
                .link("/account/reset-password");
        victim.follow(victim.submit(
                victim.get(link),
                "form[action$=/account/reset-password]",
                Map.of("password", "Velvet-Harbor-42", "confirmPassword", "Velvet-Harbor-42")));

        Page again = servers.clickSignInWith(attacker, attacker.navigate("/login"), UpstreamProvider.PROVIDER_ID);
        assertThat(again.uri().getPath())
                .as("the attacker's provider account no longer signs in to hers")
                .isEqualTo("/account/external-login");
        ApplicationUser hers = userManager.findByEmail(victimEmail).orElseThrow();
        assertThat(userLogins.getLogins(hers)).isEmpty();
        assertThat(victim.signIn(victimEmail, "Velvet-Harbor-42").uri().getPath())
                .isEqualTo("/");
    }

    @Test
    void linkingAtAFirstSignInWaitsForTheSecondFactorOfTheAccount() {
        TestClock clock = servers.app.getBean(TestClock.class);
        ApplicationUser local = servers.app.getBean(TestUsers.class).create("local-2fa");
        Browser owner = servers.browser();
        owner.signIn(local.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp app = AuthenticatorApp.enable(owner, clock).app();
        clock.advance(Duration.ofSeconds(30));
        try {
            ApplicationUser upstream = servers.newUpstreamUser();
            Browser browser = servers.browser();
            Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);

            Page secondStep = browser.follow(browser.submit(
                    choice, "#link-account", Map.of("username", local.getUserName(), "password", TestUsers.PASSWORD)));

            assertThat(secondStep.uri().getPath()).isEqualTo("/login/two-factor");
            assertThat(userLogins.getLogins(local))
                    .as("not linked on the password alone")
                    .isEmpty();
            Page home = browser.follow(
                    browser.submit(secondStep, "form[action$=/login/two-factor]", Map.of("code", app.code())));
            assertThat(home.document().text()).contains("Signed in as " + local.getUserName());
            assertThat(userLogins.getLogins(local))
                    .extracting(UserLogin::getProviderKey)
                    .containsExactly(upstream.getId());
            assertThat(TestMailServer.awaitMailAbout(local.getEmail(), "sign-in through another provider was added"))
                    .isNotNull();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aUserWithoutPasswordConfirmsAChangeBySigningInAgainThroughTheProvider() {
        TestClock clock = servers.app.getBean(TestClock.class);
        ApplicationUser upstream = servers.newUpstreamUser();
        Browser browser = servers.browser();
        browser.follow(browser.submit(
                servers.signInThroughProvider(browser, browser.navigate("/login"), upstream),
                "#create-account",
                Map.of()));
        Page logins = browser.navigate("/account/external-logins");
        clock.advance(Duration.ofMinutes(6));
        try {
            Page asked = browser.follow(browser.submit(
                    logins,
                    "form[action$=/account/external-logins/add]",
                    Map.of("provider", UpstreamProvider.PROVIDER_ID)));
            assertThat(asked.uri().getPath()).isEqualTo("/account/reauthenticate");
            assertThat(asked.document().select("#password"))
                    .as("no password to ask for")
                    .isEmpty();

            Page back = servers.followAcross(
                    browser, browser.submit(asked, "form[action$=/account/external-logins/reauthenticate]", Map.of()));

            assertThat(back.uri().getPath()).isEqualTo("/account/external-logins");
            assertThat(back.document().text()).contains(UpstreamProvider.DISPLAY_NAME);
        } finally {
            clock.reset();
        }
    }

    @Test
    void anAbandonedLinkRequestDoesNotLinkWhateverSignsInLater() {
        TestClock clock = servers.app.getBean(TestClock.class);
        ApplicationUser local = servers.app.getBean(TestUsers.class).create("abandoned");
        Browser browser = servers.browser();
        browser.signIn(local.getUserName(), TestUsers.PASSWORD);
        Page atProvider = servers.followAcross(
                browser,
                browser.submit(
                        browser.navigate("/account/external-logins"),
                        "form[action$=/account/external-logins/add]",
                        Map.of("provider", UpstreamProvider.PROVIDER_ID)));
        assertThat(atProvider.uri().toString()).as("left at the provider").startsWith(servers.providerUrl + "/login");
        clock.advance(Duration.ofMinutes(6));
        try {
            ApplicationUser someoneElse = servers.newUpstreamUser();
            Page back = servers.signInAtProvider(
                    browser,
                    servers.followAcross(browser, browser.get("/oauth2/authorization/" + UpstreamProvider.PROVIDER_ID)),
                    someoneElse);

            assertThat(back.uri().getPath()).isEqualTo("/account/external-logins");
            assertThat(userLogins.getLogins(local)).as("nothing linked").isEmpty();
            assertThat(browser.navigate("/").document().text()).contains("Signed in as " + local.getUserName());
        } finally {
            clock.reset();
        }
    }

    @Test
    void aTakenAddressTheProviderDidNotConfirmLooksLikeANewAccountAndItsOwnerIsTold() {
        ApplicationUser owner = servers.app.getBean(TestUsers.class).create("owner");
        ApplicationUser squatter = servers.newUpstreamUser();
        ApplicationUser newcomer = servers.newUpstreamUser();
        String freshEmail = "fresh-" + UUID.randomUUID() + "@example.com";

        Browser first = servers.browser();
        Page taken = first.follow(first.submit(
                servers.signInThroughProvider(first, first.navigate("/login"), squatter),
                "#create-account",
                Map.of("email", owner.getEmail().toUpperCase())));
        Browser second = servers.browser();
        Page fresh = second.follow(second.submit(
                servers.signInThroughProvider(second, second.navigate("/login"), newcomer),
                "#create-account",
                Map.of("email", freshEmail)));

        assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(200);
        assertThat(taken.uri()).isEqualTo(fresh.uri());
        assertThat(taken.document().selectFirst("main").text())
                .isEqualTo(fresh.document().selectFirst("main").text());
        assertThat(userManager.findByName(squatter.getUserName()))
                .as("nothing created")
                .isEmpty();
        ReceivedMail notice = TestMailServer.awaitMail(owner.getEmail());
        assertThat(notice.subject()).startsWith("Someone tried to create an account");
        assertThat(notice.text())
                .contains(owner.getUserName())
                .contains("It came through " + UpstreamProvider.DISPLAY_NAME)
                .contains(servers.appUrl + "/account/external-logins")
                .doesNotContain("token=");
        TestMailServer.awaitMail(freshEmail);
        assertThat(TestMailServer.mailsTo(owner.getEmail())).hasSize(1);
    }

    @Test
    void aFirstSignInLinksToAnExistingAccountOnlyWithItsPasswordAndCountsWrongOnes() {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser local = servers.app.getBean(TestUsers.class).create("local");
        Browser browser = servers.browser();
        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);

        Page wrong = browser.submit(
                choice, "#link-account", Map.of("username", local.getUserName(), "password", "not-the-password"));

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.document().select("#link-account [role=alert]").text())
                .isEqualTo("Invalid user name or password.");
        assertThat(wrong.document().select("#create-account [role=alert]")).isEmpty();
        assertThat(userManager.findById(local.getId()).orElseThrow().getAccessFailedCount())
                .isEqualTo(1);
        assertThat(userLogins.getLogins(local)).isEmpty();

        Page home = browser.follow(browser.submit(
                wrong, "#link-account", Map.of("username", local.getUserName(), "password", TestUsers.PASSWORD)));

        assertThat(home.document().text()).contains("Signed in as " + local.getUserName());
        assertThat(userLogins.getLogins(local))
                .extracting(UserLogin::getProviderKey)
                .containsExactly(upstream.getId());
        assertThat(userManager.findById(local.getId()).orElseThrow().getAccessFailedCount())
                .isZero();
    }

    @Test
    void anAccountWithTheSameEmailIsNeverLinkedAutomatically() {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser sameEmail = new ApplicationUser();
        sameEmail.setUserName("same-email-" + UUID.randomUUID().toString().substring(0, 8));
        sameEmail.setEmail(upstream.getEmail());
        sameEmail.setEmailConfirmed(true);
        userManager.create(sameEmail, TestUsers.PASSWORD);
        Browser browser = servers.browser();

        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);
        Page refused = browser.submit(choice, "#create-account", Map.of("userName", "new-" + sameEmail.getUserName()));

        assertThat(choice.uri().getPath()).isEqualTo("/account/external-login");
        assertThat(refused.document().selectFirst("#email-error").text()).contains("belongs to an existing account");
        assertThat(userLogins.getLogins(
                        userManager.findByName(sameEmail.getUserName()).orElseThrow()))
                .isEmpty();
    }

    @Test
    void aLinkedAccountSignsStraightInAndTheClientGetsAnIdTokenForTheLocalUser() throws Exception {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser local = linkedLocalUser(upstream);
        OidcClient client = new OidcClient(servers.appUrl, OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
        Authorization authorization = client.authorizationRequest("openid profile");
        Browser browser = servers.browser();

        Page login = browser.navigate(authorization.requestUri().toString());
        Page consent = servers.signInThroughProvider(browser, login, upstream);
        assertThat(consent.uri().getPath())
                .as("the consent page of the server under test")
                .isEqualTo("/oauth2/consent");
        Page redirect = servers.followAcross(browser, browser.submit(consent, "#consent-allow", Map.of()));
        AuthorizationCode code = client.codeFrom(redirect.uri(), authorization);
        TokenResponse response = client.exchange(code, authorization.verifier());

        assertThat(response.indicatesSuccess()).isTrue();
        JWTClaimsSet idToken = client.validateIdToken(
                ((OIDCTokenResponse) response.toSuccessResponse())
                        .getOIDCTokens()
                        .getIDToken(),
                authorization.nonce());
        assertThat(idToken.getSubject()).isEqualTo(local.getId());
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(local.getUserName());
        assertThat(idToken.getDateClaim("auth_time")).isCloseTo(new Date(), 60_000);
        assertThat(idToken.getStringListClaim("amr")).as("federated").containsExactly("fed");
        assertThat(idToken.getStringClaim("acr")).isEqualTo("1fa");
    }

    @Test
    void aDisabledOrLockedOutLinkedUserIsRefused() {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser local = linkedLocalUser(upstream);
        local.setEnabled(false);
        userManager.update(local);
        Browser browser = servers.browser();

        Page refused = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);

        assertThat(refused.uri().getPath()).isEqualTo("/login");
        assertThat(refused.document().selectFirst("[role=alert]").text()).isEqualTo("Invalid user name or password.");
        assertThat(browser.navigate("/").document().text()).doesNotContain("Signed in as");

        ApplicationUser enabled = userManager.findById(local.getId()).orElseThrow();
        enabled.setEnabled(true);
        userManager.update(enabled);
        for (int attempt = 0; attempt < 5; attempt++) {
            userManager.checkPassword(local.getId(), "wrong");
        }
        Page locked = servers.followAcross(
                browser,
                browser.submit(
                        browser.navigate("/login"),
                        "form.external-login[action$=/" + UpstreamProvider.PROVIDER_ID + "]",
                        Map.of()));

        assertThat(locked.uri().getPath())
                .as("still signed in at the provider: straight back")
                .isEqualTo("/login");
        assertThat(locked.document().selectFirst("[role=alert]").text()).contains("locked");
    }

    @Test
    void aUserWithoutPasswordCannotRemoveTheLastWayToSignIn() {
        ApplicationUser upstream = servers.newUpstreamUser();
        Browser browser = servers.browser();
        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);
        browser.follow(browser.submit(choice, "#create-account", Map.of()));
        ApplicationUser created = userManager.findByName(upstream.getUserName()).orElseThrow();
        UserLogin login = userLogins.getLogins(created).get(0);

        Page manage = browser.navigate("/account/external-logins");

        assertThat(manage.document().select(".external-logins li span").eachText())
                .containsExactly(UpstreamProvider.DISPLAY_NAME);
        assertThat(manage.document().select("form.remove-login")).isEmpty();
        assertThat(manage.document().selectFirst("#last-login").text()).contains("only way you can sign in");
        Page refused = browser.follow(browser.post(
                "/account/external-logins/remove",
                List.of(
                        Map.entry("_csrf", csrf(manage.document())),
                        Map.entry("provider", login.getLoginProvider()),
                        Map.entry("key", login.getProviderKey()))));

        assertThat(refused.document().selectFirst("[role=alert]").text()).contains("cannot be removed");
        assertThat(userLogins.getLogins(created)).hasSize(1);
    }

    @Test
    void aLinkedUserWithTwoFactorSignInGivesTheSecondFactorToo() {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser local = linkedLocalUser(upstream);
        TestClock clock = servers.app.getBean(TestClock.class);
        Browser settings = servers.browser();
        settings.signIn(local.getUserName(), TestUsers.PASSWORD);
        AuthenticatorApp app = AuthenticatorApp.enable(settings, clock).app();
        clock.advance(Duration.ofSeconds(30));
        try {
            Browser browser = servers.browser();

            Page second = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);

            assertThat(second.uri().getPath()).isEqualTo("/login/two-factor");
            assertThat(browser.get("/account").status()).as("not signed in yet").isEqualTo(302);
            Page home = browser.follow(
                    browser.submit(second, "form[action$=/login/two-factor]", Map.of("code", app.code())));
            assertThat(home.document().text()).contains("Signed in as " + local.getUserName());
        } finally {
            clock.reset();
        }
    }

    @Test
    void removingALinkRenewsTheSecurityStampAndEndsSignInThroughIt() {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser local = linkedLocalUser(upstream);
        String stamp = userManager.findById(local.getId()).orElseThrow().getSecurityStamp();
        Browser browser = servers.browser();
        browser.signIn(local.getUserName(), TestUsers.PASSWORD);

        Page removed =
                browser.submit(browser.navigate("/account/external-logins").form("form.remove-login"));

        assertThat(removed.document().selectFirst("[role=status]").text()).contains("link is removed");
        assertThat(userLogins.getLogins(local)).isEmpty();
        assertThat(userManager.findById(local.getId()).orElseThrow().getSecurityStamp())
                .isNotEqualTo(stamp);
        assertThat(browser.get("/account").status()).as("this session goes on").isEqualTo(200);
        Browser other = servers.browser();
        assertThat(servers.signInThroughProvider(other, other.navigate("/login"), upstream)
                        .uri()
                        .getPath())
                .as("no longer linked")
                .isEqualTo("/account/external-login");
    }

    @Test
    void aSignedInUserLinksAProviderThroughItAndTheSecurityStampIsRenewed() {
        ApplicationUser upstream = servers.newUpstreamUser();
        ApplicationUser local = servers.app.getBean(TestUsers.class).create("linking");
        String stamp = local.getSecurityStamp();
        Browser browser = servers.browser();
        browser.signIn(local.getUserName(), TestUsers.PASSWORD);
        Page manage = browser.navigate("/account/external-logins");
        assertThat(manage.document().select(".external-logins li")).isEmpty();

        Page atProvider = servers.followAcross(
                browser,
                browser.submit(
                        manage, "form.add-login:has(input[value=" + UpstreamProvider.PROVIDER_ID + "])", Map.of()));
        Page back = servers.signInAtProvider(browser, atProvider, upstream);

        assertThat(back.uri().getPath()).isEqualTo("/account/external-logins");
        assertThat(back.document().selectFirst("[role=status]").text()).contains("account is linked");
        assertThat(back.document().select(".external-logins li span").eachText())
                .containsExactly(UpstreamProvider.DISPLAY_NAME);
        assertThat(browser.navigate("/").document().text())
                .as("still signed in as the local user")
                .contains("Signed in as " + local.getUserName());
        assertThat(userManager.findById(local.getId()).orElseThrow().getSecurityStamp())
                .isNotEqualTo(stamp);
        assertThat(userLogins.findByLogin(UpstreamProvider.PROVIDER_ID, upstream.getId()))
                .hasValueSatisfying(user -> assertThat(user.getId()).isEqualTo(local.getId()));
    }

    @Test
    void aUserWithOnlyExternalLoginsSetsAPasswordFollowingThePolicy() {
        ApplicationUser upstream = servers.newUpstreamUser();
        Browser browser = servers.browser();
        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);
        browser.follow(browser.submit(choice, "#create-account", Map.of()));
        assertThat(browser.navigate("/account/change-password").uri().getPath()).isEqualTo("/account/set-password");

        Page setPassword = browser.navigate("/account/set-password");
        assertThat(setPassword.document().select("[role=alert]"))
                .as("no errors yet")
                .isEmpty();
        Page tooShort = browser.submit(
                setPassword,
                "form[action$=/account/set-password]",
                Map.of("password", "short", "confirmPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(200);
        assertThat(tooShort.document().selectFirst("#password-error").text()).contains("at least 8 characters");
        Page set = browser.follow(browser.submit(
                tooShort,
                "form[action$=/account/set-password]",
                Map.of("password", "A-new-passphrase-42", "confirmPassword", "A-new-passphrase-42")));

        assertThat(set.document().selectFirst("h1").text()).isEqualTo("Password set");
        assertThat(browser.navigate("/account/set-password").uri().getPath())
                .as("a user with a password changes it instead")
                .isEqualTo("/account/change-password");
        Page signedIn = servers.browser().signIn(upstream.getUserName(), "A-new-passphrase-42");
        assertThat(signedIn.document().text()).contains("Signed in as " + upstream.getUserName());
        assertThat(browser.navigate("/account/external-logins").document().select("form.remove-login"))
                .as("with a password, the link can go")
                .hasSize(1);
    }

    @Test
    void providerErrorsReturnToTheSignInPageWithAMessage() {
        Browser browser = servers.browser();
        Page providerLogin = servers.clickSignInWith(browser, browser.navigate("/login"), UpstreamProvider.PROVIDER_ID);
        Page consent = servers.followAcross(
                browser,
                browser.submit(
                        providerLogin,
                        "form[action$=/login]",
                        Map.of("username", servers.newUpstreamUser().getUserName(), "password", TestUsers.PASSWORD)));
        Page denied = servers.followAcross(browser, browser.submit(consent, "#consent-deny", Map.of()));

        assertThat(denied.uri().toString()).startsWith(servers.appUrl + "/login?external=denied");
        assertThat(denied.document().selectFirst("[role=alert]").text()).contains("was cancelled");

        Page badState =
                browser.navigate("/login/oauth2/code/" + UpstreamProvider.PROVIDER_ID + "?code=forged&state=forged");
        assertThat(badState.status()).isEqualTo(200);
        assertThat(badState.document().selectFirst("[role=alert]").text()).contains("did not work");

        Page down = servers.clickSignInWith(browser, browser.navigate("/login"), "down");
        assertThat(down.uri().getPath()).isEqualTo("/login");
        assertThat(down.document().selectFirst("[role=alert]").text()).contains("could not be reached");

        Page unknown = servers.followAcross(browser, browser.get("/oauth2/authorization/no-such-provider"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.document().selectFirst("[role=alert]").text()).contains("did not work");
    }

    @Test
    void thePagesHaveAllTheirTexts() {
        ApplicationUser upstream = servers.newUpstreamUser();
        Browser browser = servers.browser();
        Page choice = servers.signInThroughProvider(browser, browser.navigate("/login"), upstream);
        assertThat(choice.body()).doesNotContain("??");
        browser.follow(browser.submit(choice, "#create-account", Map.of()));

        for (String path : List.of("/login", "/account/external-logins", "/account/set-password", "/")) {
            Page page = browser.navigate(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("??");
        }
    }

    private static ApplicationUser linkedLocalUser(ApplicationUser upstream) {
        ApplicationUser local = servers.app.getBean(TestUsers.class).create("linked");
        assertThat(userLogins.addLogin(
                        local, UpstreamProvider.PROVIDER_ID, upstream.getId(), UpstreamProvider.DISPLAY_NAME))
                .isEqualTo(UserLogins.LinkResult.ADDED);
        return userManager.findById(local.getId()).orElseThrow();
    }

    private static String csrf(Document page) {
        return page.selectFirst("input[name=_csrf]").val();
    }
}
