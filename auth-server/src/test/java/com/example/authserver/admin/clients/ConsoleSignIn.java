package com.example.authserver.admin.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.admin.Administrators;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.Map;

/**
 * Browsers signed in to the console for the roles, clients and audit tests: an administrator made for the test
 * (never the seeded one, whose state other tests may change) or a user without the role, and the forms they post.
 */
public final class ConsoleSignIn {

    private final TestServer server;

    private final TestUsers users;

    private final UserManager userManager;

    private final RoleManager roleManager;

    public ConsoleSignIn(TestServer server, TestUsers users, UserManager userManager, RoleManager roleManager) {
        this.server = server;
        this.users = users;
        this.userManager = userManager;
        this.roleManager = roleManager;
    }

    /** A new user with the {@code admin} role, signed in. */
    public Browser admin() {
        return signedIn(Administrators.create(users, roleManager, userManager));
    }

    /** A new user without any role (alice's kind), signed in. */
    public Browser user() {
        return signedIn(users.create("console-user"));
    }

    private Browser signedIn(ApplicationUser user) {
        Browser browser = server.browser();
        Page home = browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        assertThat(home.status()).as("signed in: %s", home.body()).isEqualTo(200);
        return browser;
    }

    /** The CSRF token of the session, read from a page the browser may open (its own account page). */
    public static String csrf(Browser browser) {
        return Administrators.csrf(browser);
    }

    /** A form POST with the session's CSRF token. */
    public static Page post(Browser browser, String path, Map<String, String> fields) {
        return Administrators.post(browser, path, fields);
    }
}
