package com.example.authserver.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How a user signs in, as an administrator changes it: a new password required at the next sign-in, a reset link, the
 * authenticator, external logins; and the user's roles and claims.
 */
@ServerTest
class UserSignInSettingsTests {

    static final String NEW_PASSWORD = "Amber-Lantern-58";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    UserLogins userLogins;

    Browser admin;

    @BeforeEach
    void signInAnAdministrator() {
        admin = ConsoleUsers.signedIn(server.browser(), ConsoleUsers.admin(testUsers, userManager, roleManager));
    }

    @Test
    void aRequiredPasswordChangeHoldsTheNextSignInUntilANewPasswordIsChosen() throws Exception {
        ApplicationUser user = testUsers.create("signin-required");
        Browser before = ConsoleUsers.signedIn(server.browser(), user);

        Page done = click(user, "#require-password-change");
        assertThat(done.document().select("#events tr[data-event-type=PASSWORD_CHANGE_REQUIRED]"))
                .hasSize(1);
        assertThat(before.get("/account").status()).as("signed out at once").isEqualTo(302);

        OidcClient client = server.interactiveClient();
        OidcClient.Authorization authorization = client.authorizationRequest("openid profile");
        Browser browser = server.browser();
        Page held = SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);
        assertThat(held.uri().getPath()).isEqualTo("/login/new-password");
        assertThat(browser.get("/account").location()).endsWith("/login/new-password");
        assertThat(browser.get(authorization.requestUri().toString()).location())
                .as("no code before the new password")
                .endsWith("/login/new-password");
        assertThat(browser.post("/account/profile", List.of()).status()).isEqualTo(403);

        Page same = browser.submit(
                held,
                "form[action$=/login/new-password]",
                Map.of("password", TestUsers.PASSWORD, "confirmPassword", TestUsers.PASSWORD));
        assertThat(same.document().select("#password-error").text()).isNotBlank();
        Page onwards = browser.follow(browser.submit(
                same,
                "form[action$=/login/new-password]",
                Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)));
        assertThat(onwards.uri().getPath())
                .as("the authorization request goes on")
                .isEqualTo("/oauth2/consent");
        onwards = browser.follow(browser.submit(onwards, "#consent-allow", Map.of()));
        assertThat(onwards.uri().toString()).startsWith(OidcClient.REDIRECT_URI.toString());
        assertThat(client.codeFrom(onwards.uri(), authorization)).isNotNull();
        assertThat(browser.get("/account").status()).isEqualTo(200);
        assertThat(userManager.findById(user.getId()).orElseThrow().isPasswordChangeRequired())
                .isFalse();
        assertThat(server.browser()
                        .signIn(user.getUserName(), NEW_PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
    }

    @Test
    void aResetLinkIsSentWithTheForgottenPasswordMail() {
        ApplicationUser user = testUsers.create("signin-reset");

        Page done = click(user, "#send-password-reset");

        assertThat(done.document().select(".alert-info").text()).contains("password-reset link");
        assertThat(TestMailServer.awaitMail(user.getEmail()).link("/account/reset-password?token="))
                .isNotBlank();
        assertThat(done.document().select("#events tr[data-event-type=PASSWORD_RESET_SENT]"))
                .hasSize(1);
    }

    @Test
    void resettingTheAuthenticatorTurnsTwoFactorSignInOff() {
        ApplicationUser user = testUsers.create("signin-2fa");
        userManager.updateSecurity(user.getId(), current -> current.setTwoFactorEnabled(true));

        Page done = click(user, "#reset-authenticator");

        assertThat(done.document().select("#status").text()).contains("Two-factor sign-in is off");
        assertThat(userManager.findById(user.getId()).orElseThrow().isTwoFactorEnabled())
                .isFalse();
        assertThat(done.document().select("#events tr[data-event-type=TWO_FACTOR_RESET]"))
                .hasSize(1);
    }

    @Test
    void anExternalLoginIsRemovedUnlessItIsTheLastWayIn() {
        ApplicationUser user = testUsers.create("signin-external");
        userLogins.addLogin(user, "upstream", "subject-" + UUID.randomUUID(), "Upstream");
        ApplicationUser linkedOnly = new ApplicationUser();
        linkedOnly.setUserName("signin-only-" + UUID.randomUUID().toString().substring(0, 8));
        linkedOnly = userManager.createWithoutPassword(linkedOnly);
        userLogins.addLogin(linkedOnly, "upstream", "subject-" + UUID.randomUUID(), "Upstream");

        Page removed = submitOnPage(user, "form[action$=/external-logins/remove]");
        assertThat(removed.document().select("#external-logins li")).isEmpty();
        assertThat(removed.document().select("#events tr[data-event-type=EXTERNAL_LOGIN_REMOVED]"))
                .hasSize(1);

        Page refused = submitOnPage(linkedOnly, "form[action$=/external-logins/remove]");
        assertThat(refused.document().select(".alert-error").text()).contains("last way to sign in");
        assertThat(userLogins.getLogins(linkedOnly)).hasSize(1);
    }

    @Test
    void rolesAndClaimsAreAddedAndRemoved() {
        ApplicationUser user = testUsers.create("signin-roles");
        String role = "console-role-" + UUID.randomUUID().toString().substring(0, 8);
        roleManager.findOrCreate(role);

        Page added = admin.follow(admin.submit(
                admin.navigate(ConsoleUsers.page(user)), "form[action$=/roles/add]", Map.of("role", role)));
        assertThat(userManager.getRoleNames(user)).containsExactly(role);
        assertThat(added.document().select("#events tr[data-event-type=USER_ROLES_CHANGED]"))
                .hasSize(1);
        admin.follow(admin.submit(added, "form[action$=/roles/remove]:has(input[value=" + role + "])", Map.of()));
        assertThat(userManager.getRoleNames(user)).isEmpty();
        Page unknown = admin.follow(admin.submit(
                admin.navigate(ConsoleUsers.page(user)), "form[action$=/roles/add]", Map.of("role", "no-such-role")));
        assertThat(unknown.document().select(".alert-error").text()).contains("no such role");

        Page claim = admin.follow(admin.submit(
                admin.navigate(ConsoleUsers.page(user)),
                "form[action$=/claims/add]",
                Map.of("type", "department", "value", "Research")));
        assertThat(userManager.getClaims(user)).singleElement().satisfies(stored -> {
            assertThat(stored.getClaimType()).isEqualTo("department");
            assertThat(stored.getClaimValue()).isEqualTo("Research");
        });
        Page huge = admin.follow(
                admin.submit(claim, "form[action$=/claims/add]", Map.of("type", "x".repeat(300), "value", "v")));
        assertThat(huge.document().select(".alert-error").text()).contains("A claim needs a type");
        Page gone = admin.follow(admin.submit(huge, "form[action$=/claims/remove]", Map.of()));
        assertThat(userManager.getClaims(user)).isEmpty();
        assertThat(gone.document().select("#events tr[data-event-type=USER_CLAIMS_CHANGED]"))
                .hasSize(2);
    }

    private Page click(ApplicationUser user, String button) {
        return submitOnPage(user, "form:has(" + button + ")");
    }

    private Page submitOnPage(ApplicationUser user, String form) {
        return admin.follow(admin.submit(admin.navigate(ConsoleUsers.page(user)), form, Map.of()));
    }
}
