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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing a user on their page: the profile, user name, email and phone, under the optimistic lock. */
@ServerTest
class UserEditTests {

    static final String FORM = "#user-form";

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
    void savesTheProfileAndIdentifiersAndShowsTheAuditEvent() {
        ApplicationUser user = testUsers.create("edit-save");
        String newName = user.getUserName() + "-renamed";

        Page saved = admin.follow(admin.submit(
                admin.navigate(ConsoleUsers.page(user)),
                FORM,
                Map.of(
                        "userName", " " + newName + " ",
                        "email", "Renamed-" + user.getEmail(),
                        "phoneNumber", "+33 1 23 45 67 89",
                        "givenName", "Ada",
                        "familyName", "")));

        assertThat(saved.document().select(".alert-info").text()).isEqualTo("The user has been saved.");
        ApplicationUser stored = userManager.findById(user.getId()).orElseThrow();
        assertThat(stored.getUserName()).isEqualTo(newName);
        assertThat(stored.getEmail()).isEqualTo("Renamed-" + user.getEmail());
        assertThat(stored.getNormalizedEmail()).isEqualTo(("Renamed-" + user.getEmail()).toUpperCase());
        assertThat(stored.getPhoneNumber()).isEqualTo("+33 1 23 45 67 89");
        assertThat(stored.getGivenName()).isEqualTo("Ada");
        assertThat(stored.getFamilyName()).isNull();
        assertThat(saved.document()
                        .select("#events tr[data-event-type=USER_UPDATED]")
                        .text())
                .contains(adminUser.getUserName())
                .contains("console");
    }

    @Test
    void malformedAndHugeValuesAreShownAgainWithTheirMessagesAndNothingIsSaved() {
        ApplicationUser user = testUsers.create("edit-invalid");

        Page again = admin.submit(
                admin.navigate(ConsoleUsers.page(user)),
                FORM,
                Map.of(
                        "userName", "x".repeat(300),
                        "email", "not an address",
                        "phoneNumber", "call me",
                        "givenName", "y".repeat(101),
                        "familyName", "Lovelace",
                        "concurrencyStamp", "not-a-number"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#userName-error").text()).isNotBlank();
        assertThat(again.document().select("#email-error").text()).isNotBlank();
        assertThat(again.document().select("#phoneNumber-error").text()).isNotBlank();
        assertThat(again.document().select("#givenName-error").text()).isNotBlank();
        assertThat(again.document().selectFirst("#familyName").val()).isEqualTo("Lovelace");
        ApplicationUser stored = userManager.findById(user.getId()).orElseThrow();
        assertThat(stored.getUserName()).isEqualTo(user.getUserName());
        assertThat(stored.getFamilyName()).isEqualTo("User");
    }

    @Test
    void aStaleFormIsShownAgainWithTheInputKeptAndSavesOnlyWhenSentAgain() {
        ApplicationUser user = testUsers.create("edit-stale");
        Page form = admin.navigate(ConsoleUsers.page(user));
        ApplicationUser meanwhile = userManager.findById(user.getId()).orElseThrow();
        meanwhile.setFamilyName("Changed elsewhere");
        userManager.update(meanwhile);

        Page stale = admin.submit(form, FORM, Map.of("givenName", "Mine"));

        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.document().select("#profile .alert-error").text()).contains("Someone else changed this user");
        assertThat(stale.document().selectFirst("#givenName").val()).isEqualTo("Mine");
        assertThat(userManager.findById(user.getId()).orElseThrow().getGivenName())
                .isEqualTo("Test");
        admin.follow(admin.submit(stale, FORM, Map.of()));
        assertThat(userManager.findById(user.getId()).orElseThrow().getGivenName())
                .isEqualTo("Mine");
    }

    @Test
    void anotherUsersNameOrEmailIsRefusedOnItsField() {
        ApplicationUser user = testUsers.create("edit-taken");
        ApplicationUser other = testUsers.create("edit-other");

        Page name = admin.submit(
                admin.navigate(ConsoleUsers.page(user)),
                FORM,
                Map.of("userName", other.getUserName().toUpperCase()));
        assertThat(name.status()).isEqualTo(200);
        assertThat(name.document().select("#userName-error").text()).isEqualTo("That user name is taken.");

        Page email = admin.submit(admin.navigate(ConsoleUsers.page(user)), FORM, Map.of("email", other.getEmail()));
        assertThat(email.document().select("#email-error").text()).isEqualTo("That email address is taken.");
        assertThat(userManager.findById(user.getId()).orElseThrow().getEmail()).isEqualTo(user.getEmail());
    }
}
