package com.example.authserver.admin.users;

import com.example.authserver.admin.Administrators;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.TestUsers;

/** The people of the console tests: administrators made for each test, signed in in a browser of their own. */
final class ConsoleUsers {

    /** The administrator role as the rules name it (the stored name may be {@code admin}: the same role). */
    static final String ADMIN_ROLE = "ADMIN";

    private ConsoleUsers() {}

    /** A new user with the administrator role. */
    static ApplicationUser admin(TestUsers testUsers, UserManager userManager, RoleManager roleManager) {
        return Administrators.create(testUsers, roleManager, userManager);
    }

    static Browser signedIn(Browser browser, ApplicationUser user) {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        return browser;
    }

    /** The CSRF token of the browser's session, as any form of the account pages carries it. */
    static String csrf(Browser browser) {
        return Administrators.csrf(browser);
    }

    static String page(ApplicationUser user) {
        return "/admin/users/" + user.getId();
    }
}
