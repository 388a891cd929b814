package com.example.authserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who gets into the admin console: administrators only (everyone else 403, GET and POST, with or without a CSRF token;
 * visitors to the sign-in page), with a recent sign-in, and with a second factor when the settings ask for one.
 */
@ServerTest
class AdminAccessTests {

    /** Console addresses, existing or not: the rule covers all of /admin, not only the pages there are. */
    static final List<String> PAGES = List.of(
            "/admin", "/admin/keys", "/admin/second-factor", "/admin/users", "/admin/no-such-page", "/admin/%6Beys");

    static final List<String> CHANGES = List.of("/admin/keys/rotate", "/admin/users/x/delete", "/admin/%6Beys/rotate");

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    AdminProperties properties;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    TestClock clock;

    @AfterEach
    void restore() {
        clock.reset();
        properties.setRequireSecondFactor(false);
    }

    @Test
    void aUserWithoutTheAdminRoleGets403OnEveryPageAndChange() {
        Browser alice = server.browser();
        alice.signIn(testUsers.create("alice").getUserName(), TestUsers.PASSWORD);
        String csrf = csrfToken(alice);

        for (String page : PAGES) {
            assertThat(alice.get(page).status()).as(page).isEqualTo(403);
        }
        for (String change : CHANGES) {
            assertThat(alice.post(change, List.of(Map.entry("_csrf", csrf))).status())
                    .as(change)
                    .isEqualTo(403);
            assertThat(alice.post(change, List.of()).status())
                    .as(change + " without CSRF")
                    .isEqualTo(403);
        }
        clock.advance(properties.getRecentSignIn().plus(Duration.ofMinutes(1)));
        assertThat(alice.get("/admin").status())
                .as("an old sign-in is not asked to sign in again")
                .isEqualTo(403);
    }

    @Test
    void aSessionWhoseCredentialsChangedIsSignedOutAtTheNextConsoleRequest() {
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        userManager.updateSecurity(admin.getId(), user -> {}); // a password reset elsewhere renews the stamp

        Page answer = browser.get("/admin");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
        assertThat(browser.get("/admin").location()).as("signed out").endsWith("/login");
    }

    @Test
    void anAdministratorWhoseRoleIsTakenAwayIsOutAtTheNextConsoleRequest() {
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        userManager.removeFromRole(admin, IdentityRole.ADMIN_NAME);

        assertThat(browser.get("/admin").location()).endsWith("/login");
        assertThat(browser.api("POST", "/admin/registration/initial-tokens", "{}")
                        .status())
                .isIn(302, 401, 403);
    }

    @Test
    void theRegistrationApiNeedsARecentSignInAndTheSecondFactorAsThePagesDo() {
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);
        String tokens = "/admin/registration/initial-tokens";

        properties.setRequireSecondFactor(true);
        Page withoutSecondFactor = browser.api("POST", tokens, "{\"description\": \"x\"}");
        assertThat(withoutSecondFactor.status()).isEqualTo(403);
        assertThat(withoutSecondFactor.body()).contains("second_factor_required");
        properties.setRequireSecondFactor(false);

        clock.advance(properties.getRecentSignIn().plus(Duration.ofMinutes(1)));
        Page old = browser.api("POST", tokens, "{\"description\": \"x\"}");
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.body()).contains("reauthentication_required");
        assertThat(browser.api("GET", "/admin/registration/clients", null).status())
                .isEqualTo(401);
    }

    @Test
    void visitorsAreSentToSignIn() {
        Browser visitor = server.browser();

        for (String page : PAGES) {
            Page answer = visitor.get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).endsWith("/login");
        }
        assertThat(visitor.post("/admin/keys/rotate", List.of()).status()).isEqualTo(403);
    }

    @Test
    void anAdministratorSeesTheConsoleWithItsCountsNavigationAndLatestEvents() {
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        auditTrail.record(
                AuditEvent.of(AuditEventType.USER_UNLOCKED).user(admin).method("console"));
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);

        Page home = browser.navigate("/admin");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select("h1").text()).isEqualTo("Administration");
        assertThat(home.document().select(".admin-nav a").eachAttr("href"))
                .containsExactly(
                        "/admin", "/admin/users", "/admin/roles", "/admin/clients", "/admin/keys", "/admin/audit");
        assertThat(home.document().select(".admin-signed-in").text()).contains(admin.getUserName());
        assertThat(Long.parseLong(home.document().selectFirst("#count-users").text()))
                .isGreaterThanOrEqualTo(3);
        assertThat(Long.parseLong(home.document().selectFirst("#count-roles").text()))
                .isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(home.document().selectFirst("#count-clients").text()))
                .isGreaterThanOrEqualTo(5);
        assertThat(Long.parseLong(home.document().selectFirst("#count-keys").text()))
                .isGreaterThanOrEqualTo(1);
        assertThat(home.document().select("#latest-events tbody tr"))
                .hasSizeBetween(1, 10)
                .anySatisfy(row -> assertThat(row.text()).contains("User unlocked", admin.getUserName()));
        assertThat(home.body()).doesNotContain("style=", "<script>");
    }

    @Test
    void theSeededAdministratorOpensTheConsole() {
        Browser browser = server.browser();
        browser.signIn("admin", "Pass123$");

        assertThat(browser.navigate("/admin").status()).isEqualTo(200);
        assertThat(browser.get("/actuator/metrics").status())
                .as("hasRole(ADMIN) rules")
                .isEqualTo(200);
    }

    @Test
    void anOldSignInEntersThePasswordAgainAndComesBackToThePage() {
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);
        String csrf = csrfToken(browser);
        clock.advance(properties.getRecentSignIn().plus(Duration.ofMinutes(1)));

        Page change = browser.post("/admin/keys/rotate", List.of(Map.entry("_csrf", csrf)));
        assertThat(change.location()).endsWith("/account/reauthenticate?continue=%2Fadmin");
        Page asked = browser.get("/admin/keys");
        assertThat(asked.location()).endsWith("/account/reauthenticate?continue=%2Fadmin%2Fkeys");
        Page reauthenticate = browser.follow(asked);
        Page back = browser.follow(browser.submit(
                reauthenticate, "form[action$=/account/reauthenticate]", Map.of("password", TestUsers.PASSWORD)));

        assertThat(back.uri().getPath()).isEqualTo("/admin/keys");
        assertThat(back.status()).isEqualTo(200);
    }

    @Test
    void withoutASecondFactorTheAdministratorIsToldToTurnItOn() {
        properties.setRequireSecondFactor(true);
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);

        Page home = browser.get("/admin");
        assertThat(home.location()).endsWith("/admin/second-factor");
        Page told = browser.follow(home);
        assertThat(told.status()).isEqualTo(403);
        assertThat(told.document().selectFirst("#enable-two-factor")).isNotNull();
        assertThat(told.document().select("a[href=/account/two-factor]")).hasSize(1);
        assertThat(browser.get("/admin/keys").location()).endsWith("/admin/second-factor");

        // turned on in this session, which still has the password alone: sign in again with the code
        AuthenticatorApp app = AuthenticatorApp.enable(browser, clock).app();
        Page again = browser.navigate("/admin");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.document().selectFirst("#sign-in-again")).isNotNull();

        Browser withCode = server.browser();
        Page codePage = withCode.signIn(admin.getUserName(), TestUsers.PASSWORD);
        withCode.follow(withCode.submit(codePage, "form[action$=/login/two-factor]", Map.of("code", app.nextCode())));
        assertThat(withCode.navigate("/admin").status()).isEqualTo(200);
        assertThat(withCode.get("/admin/second-factor").location()).endsWith("/admin");
    }

    /** A valid CSRF token of the browser's session, from a page with a form. */
    static String csrfToken(Browser browser) {
        return browser.navigate("/logout")
                .document()
                .selectFirst("input[name=_csrf]")
                .val();
    }
}
