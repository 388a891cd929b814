package com.example.authserver.admin;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test administrators: a new user of the role {@code admin}, and a browser signed in as one. */
public final class Administrators {

    private Administrators() {}

    /** A new user (password {@link TestUsers#PASSWORD}) with the administrator role. */
    public static ApplicationUser create(TestUsers testUsers, RoleManager roles, UserManager users) {
        ApplicationUser admin = testUsers.create("admin");
        roles.findOrCreate(IdentityRole.ADMIN_NAME);
        users.addToRole(admin, IdentityRole.ADMIN_NAME);
        return admin;
    }

    /** The CSRF token of the browser's session, as any form of the account pages carries it. */
    public static String csrf(Browser browser) {
        return browser.navigate("/account/profile")
                .document()
                .selectFirst("input[name=_csrf]")
                .val();
    }

    /** A form POST with the session's CSRF token. */
    public static Browser.Page post(Browser browser, String path, Map<String, String> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields.entrySet());
        all.add(Map.entry("_csrf", csrf(browser)));
        return browser.post(path, all);
    }

    /** A browser signed in as a new administrator. */
    public static Browser signedIn(TestServer server, TestUsers testUsers, RoleManager roles, UserManager users) {
        Browser browser = server.browser();
        browser.signIn(create(testUsers, roles, users).getUserName(), TestUsers.PASSWORD);
        return browser;
    }
}
