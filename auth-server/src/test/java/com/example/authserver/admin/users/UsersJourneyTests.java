package com.example.authserver.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.RealBrowser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Users pages as an administrator goes through them, in a real headless Chromium ({@link RealBrowser}: skipped
 * where there is none): sign in, find a user, open them, disable them, and see it in their latest security events.
 */
@ServerTest
class UsersJourneyTests {

    @RegisterExtension
    static RealBrowser browser = new RealBrowser();

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Test
    void anAdministratorFindsAUserAndDisablesThem() {
        ApplicationUser admin = ConsoleUsers.admin(testUsers, userManager, roleManager);
        ApplicationUser user = testUsers.create("journey-console");

        browser.open("/login")
                .type("#username", admin.getUserName())
                .type("#password", TestUsers.PASSWORD)
                .click("form[action$='/login'] button[type=submit]");
        browser.open("/admin/users");
        assertThat(browser.heading()).isEqualTo("Users");
        browser.type("#q", user.getUserName().toUpperCase()).click("form[role=search] button[type=submit]");
        assertThat(browser.findAll("table.users tbody tr")).hasSize(1);
        browser.click("table.users tbody a");
        assertThat(browser.heading()).isEqualTo(user.getUserName());
        assertThat(browser.text("#status")).contains("Enabled");

        browser.click("#disable");

        assertThat(browser.text(".alert-info")).isEqualTo("The user is disabled and signed out everywhere.");
        assertThat(browser.text("#status")).contains("Disabled");
        assertThat(browser.text("#events")).contains("User disabled").contains(admin.getUserName());
        assertThat(userManager.findById(user.getId()).orElseThrow().isEnabled()).isFalse();
    }
}
