package com.example.authserver.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Disabling, enabling, unlocking and deleting users; what administrators cannot do to themselves; the user's
 * sessions and allowed applications.
 */
@ServerTest
class UserAccessTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    ApplicationUser adminUser;

    Browser admin;

    @BeforeEach
    void signInAnAdministrator() {
        adminUser = ConsoleUsers.admin(testUsers, userManager, roleManager);
        admin = ConsoleUsers.signedIn(server.browser(), adminUser);
    }

    @Test
    void disablingSignsTheUserOutAtOnceAndTheirTokensStopWorking() throws Exception {
        ApplicationUser user = testUsers.create("access-disable");
        OidcClient client = server.interactiveClient();
        Browser userBrowser = server.browser();
        OIDCTokenResponse tokens =
                SignInFlow.signIn(userBrowser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD);
        assertThat(userBrowser.get("/account").status()).isEqualTo(200);

        Page done = click(ConsoleUsers.page(user), "#disable");

        assertThat(done.document().select(".alert-info").text()).contains("disabled");
        assertThat(done.document()
                        .select("#events tr[data-event-type=USER_DISABLED]")
                        .text())
                .contains(adminUser.getUserName());
        Page next = userBrowser.get("/account");
        assertThat(next.status()).as("signed out at once").isEqualTo(302);
        assertThat(next.location()).endsWith("/login");
        TokenResponse refreshed = client.refresh(tokens.getTokens().getRefreshToken());
        assertThat(refreshed.indicatesSuccess()).isFalse();
        assertThat(refreshed.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT_CODE);
        assertThat(client.userInfo(tokens.getTokens().getAccessToken()).indicatesSuccess())
                .isFalse();

        Page enabled = click(ConsoleUsers.page(user), "#enable");
        assertThat(enabled.document().select("#events tr[data-event-type=USER_ENABLED]"))
                .hasSize(1);
        assertThat(userManager.findById(user.getId()).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void administratorsCannotDisableDeleteOrDemoteThemselves() {
        String own = ConsoleUsers.page(adminUser);

        assertThat(click(own, "#disable").document().select(".alert-error").text())
                .contains("your own account");
        assertThat(admin.navigate(own + "/delete")
                        .document()
                        .select(".alert-error")
                        .text())
                .contains("your own account");
        Page demoted = admin.follow(admin.submit(
                admin.navigate(own), "form[action$=/roles/remove]:has(input[value=" + roleName() + "])", Map.of()));
        assertThat(demoted.document().select(".alert-error").text()).contains("your own account");
        String csrf = ConsoleUsers.csrf(admin);
        admin.post(own + "/delete", List.of(Map.entry("_csrf", csrf)));

        ApplicationUser after = userManager.findById(adminUser.getId()).orElseThrow();
        assertThat(after.isEnabled()).isTrue();
        assertThat(userManager.getRoleNames(after)).contains(roleName());
    }

    @Test
    void unlockingEndsALockout() {
        ApplicationUser user = testUsers.create("access-unlock");
        while (!userManager.accessFailed(user.getId())) {
            // wrong codes until the lockout
        }
        Page page = admin.navigate(ConsoleUsers.page(user));
        assertThat(page.document().select("#status").text()).contains("Locked out until");

        Page unlocked = click(ConsoleUsers.page(user), "#unlock");

        assertThat(unlocked.document().select("#status").text()).doesNotContain("Locked out");
        assertThat(unlocked.document().select("#events tr[data-event-type=USER_UNLOCKED]"))
                .hasSize(1);
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
    }

    @Test
    void endingASessionSignsTheUserOutThere() {
        ApplicationUser user = testUsers.create("access-session");
        Browser laptop = ConsoleUsers.signedIn(server.browser(), user);
        Browser phone = ConsoleUsers.signedIn(server.browser(), user);

        Page page = admin.navigate(ConsoleUsers.page(user));
        assertThat(page.document().select("#sessions tbody tr")).hasSize(2);
        Page one = admin.follow(admin.submit(page, "form[action$=/sessions/end]", Map.of()));
        assertThat(one.document().select("#sessions tbody tr")).hasSize(1);
        assertThat(laptop.get("/account").status() + phone.get("/account").status())
                .as("one signed out (302), one still in (200)")
                .isEqualTo(502);

        Page none = click(ConsoleUsers.page(user), "[id=end-all-sessions]");
        assertThat(none.document().select("#sessions tbody tr")).isEmpty();
        assertThat(laptop.get("/account").status()).isEqualTo(302);
        assertThat(phone.get("/account").status()).isEqualTo(302);
        assertThat(none.document().select("#events tr[data-event-type=SESSION_ENDED]"))
                .isNotEmpty();
    }

    @Test
    void revokingAnApplicationEndsItsTokens() throws Exception {
        ApplicationUser user = testUsers.create("access-grant");
        OidcClient client = server.interactiveClient();
        OIDCTokenResponse tokens =
                SignInFlow.signIn(server.browser(), client, "openid profile", user.getUserName(), TestUsers.PASSWORD);

        Page page = admin.navigate(ConsoleUsers.page(user));
        assertThat(page.document().select("#grants tbody tr")).hasSize(1);
        Page revoked = admin.follow(admin.submit(page, "form[action$=/grants/revoke]", Map.of()));

        assertThat(revoked.document().select("#grants tbody tr")).isEmpty();
        assertThat(revoked.document()
                        .select("#events tr[data-event-type=CONSENT_REVOKED]")
                        .text())
                .as("the grants store records it, as the console's")
                .contains(adminUser.getUserName())
                .contains("console");
        assertThat(client.refresh(tokens.getTokens().getRefreshToken()).indicatesSuccess())
                .isFalse();
    }

    @Test
    void deletingAUserTakesAConfirmation() {
        ApplicationUser user = testUsers.create("access-delete");
        Browser userBrowser = ConsoleUsers.signedIn(server.browser(), user);

        Page confirm = admin.navigate(admin.navigate(ConsoleUsers.page(user))
                .document()
                .selectFirst("#delete")
                .absUrl("href"));
        assertThat(confirm.document().select("h1").text()).contains(user.getUserName());
        assertThat(userManager.findById(user.getId())).isPresent();
        Page list = admin.follow(admin.submit(confirm, "form[action$=/delete]", Map.of()));

        assertThat(list.uri().getPath()).isEqualTo("/admin/users");
        assertThat(list.document().select(".alert-info").text()).contains(user.getUserName());
        assertThat(userManager.findById(user.getId())).isEmpty();
        assertThat(userBrowser.get("/account").status()).isEqualTo(302);
        assertThat(admin.get(ConsoleUsers.page(user)).status()).isEqualTo(404);
    }

    /** Submits the form holding the button, on the user page, and shows the page it comes back to. */
    private Page click(String userPage, String button) {
        Page page = admin.navigate(userPage);
        return admin.follow(admin.submit(page, "form:has(" + button + ")", Map.of()));
    }

    /** The administrator role as stored (seeded as {@code admin}, or made by these tests). */
    private String roleName() {
        return roleManager.findByName(IdentityRole.ADMIN).orElseThrow().getName();
    }
}
