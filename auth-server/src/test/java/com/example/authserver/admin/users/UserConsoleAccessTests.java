package com.example.authserver.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may use the Users pages: administrators only, with a CSRF token, on users that exist. */
@ServerTest
class UserConsoleAccessTests {

    /** Every change of the Users pages: a user with no administrator role must not reach one. */
    static final List<String> CHANGES = List.of(
            "",
            "/disable",
            "/enable",
            "/unlock",
            "/delete",
            "/require-password-change",
            "/send-password-reset",
            "/reset-authenticator",
            "/passkeys/remove",
            "/external-logins/remove",
            "/roles/add",
            "/roles/remove",
            "/claims/add",
            "/claims/remove",
            "/sessions/end",
            "/sessions/end-all",
            "/grants/revoke");

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Test
    void aUserWithoutTheAdministratorRoleIsRefusedEveryPageAndChange() {
        ApplicationUser alice = testUsers.create("console-alice");
        ApplicationUser victim = testUsers.create("console-victim");
        Browser browser = ConsoleUsers.signedIn(server.browser(), alice);
        String csrf = ConsoleUsers.csrf(browser);

        assertThat(browser.get("/admin/users").status()).isEqualTo(403);
        assertThat(browser.get("/admin/users?q=a").status()).isEqualTo(403);
        assertThat(browser.get(ConsoleUsers.page(victim)).status()).isEqualTo(403);
        assertThat(browser.get(ConsoleUsers.page(victim) + "/delete").status()).isEqualTo(403);
        for (String change : CHANGES) {
            Page answer = browser.post(
                    ConsoleUsers.page(victim) + change,
                    List.of(
                            Map.entry("_csrf", csrf),
                            Map.entry("role", ConsoleUsers.ADMIN_ROLE),
                            Map.entry("userName", "taken-over"),
                            Map.entry("type", "x"),
                            Map.entry("value", "y")));
            assertThat(answer.status()).as("POST %s", change).isEqualTo(403);
        }
        ApplicationUser after = userManager.findById(victim.getId()).orElseThrow();
        assertThat(after.isEnabled()).isTrue();
        assertThat(after.getUserName()).isEqualTo(victim.getUserName());
        assertThat(userManager.getRoleNames(after)).isEmpty();
        assertThat(userManager.getClaims(after)).isEmpty();
    }

    @Test
    void aVisitorIsSentToSignIn() {
        Page answer = server.browser().get("/admin/users");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
    }

    @Test
    void anAdministratorsChangeWithoutItsCsrfTokenIsRefused() {
        ApplicationUser admin = ConsoleUsers.admin(testUsers, userManager, roleManager);
        ApplicationUser victim = testUsers.create("console-csrf");
        Browser browser = ConsoleUsers.signedIn(server.browser(), admin);

        Page answer = browser.post(ConsoleUsers.page(victim) + "/disable", List.of());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(userManager.findById(victim.getId()).orElseThrow().isEnabled())
                .isTrue();
    }

    @Test
    void anUnknownOrMalformedUserIdIsNotFound() {
        ApplicationUser admin = ConsoleUsers.admin(testUsers, userManager, roleManager);
        Browser browser = ConsoleUsers.signedIn(server.browser(), admin);
        String csrf = ConsoleUsers.csrf(browser);

        assertThat(browser.get("/admin/users/00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(browser.get("/admin/users/" + "x".repeat(5000)).status()).isEqualTo(404);
        assertThat(browser.get("/admin/users/%27%20or%201=1--").status()).isEqualTo(404);
        Page post = browser.post(
                "/admin/users/00000000-0000-0000-0000-000000000000/disable", List.of(Map.entry("_csrf", csrf)));
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("Exception");
    }

    @Test
    void somethingThatIsNotTheUsersIsNotFoundAndNothingChanges() {
        ApplicationUser admin = ConsoleUsers.admin(testUsers, userManager, roleManager);
        ApplicationUser user = testUsers.create("console-other");
        Browser browser = ConsoleUsers.signedIn(server.browser(), admin);
        String csrf = ConsoleUsers.csrf(browser);
        String page = ConsoleUsers.page(user);

        assertThat(browser.post(page + "/sessions/end", List.of(Map.entry("_csrf", csrf), Map.entry("session", "x")))
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(page + "/grants/revoke", List.of(Map.entry("_csrf", csrf), Map.entry("client", "x")))
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(page + "/passkeys/remove", List.of(Map.entry("_csrf", csrf), Map.entry("passkey", "!")))
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(
                                page + "/external-logins/remove",
                                List.of(Map.entry("_csrf", csrf), Map.entry("provider", "p"), Map.entry("key", "k")))
                        .status())
                .isEqualTo(404);
        assertThat(browser.post(page + "/roles/remove", List.of(Map.entry("_csrf", csrf), Map.entry("role", "admin")))
                        .status())
                .isEqualTo(404);
        assertThat(userManager.findById(user.getId()).orElseThrow().getConcurrencyStamp())
                .isEqualTo(user.getConcurrencyStamp());
    }
}
