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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The user list: search by the start of a user name or email address, any case, a page at a time. */
@ServerTest
class UserSearchTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    Browser admin;

    @BeforeEach
    void signInAnAdministrator() {
        admin = ConsoleUsers.signedIn(server.browser(), ConsoleUsers.admin(testUsers, userManager, roleManager));
    }

    @Test
    void findsUsersByTheStartOfTheirUserNameOrEmailInAnyCase() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ApplicationUser byName = userWithoutPassword("Find-" + tag, "first-" + tag + "@example.com");
        ApplicationUser byEmail = userWithoutPassword("other-" + tag, "FIND-mail-" + tag + "@example.com");

        assertThat(names(admin.navigate("/admin/users?q=find-" + tag))).containsExactly(byName.getUserName());
        assertThat(names(admin.navigate("/admin/users?q=find-MAIL-" + tag))).containsExactly(byEmail.getUserName());
        assertThat(names(admin.navigate("/admin/users?q=" + tag)))
                .as("a prefix, not a substring")
                .isEmpty();
        assertThat(admin.navigate("/admin/users?q=" + tag).document().text()).contains("No user found.");
    }

    @Test
    void pagesAreStableWithNextAndPreviousLinks() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < UserSearchController.PAGE_SIZE + 1; i++) {
            created.add(
                    userWithoutPassword(prefix + "-" + (char) ('a' + i), null).getUserName());
        }

        Page first = admin.navigate("/admin/users?q=" + prefix.toUpperCase());
        assertThat(names(first)).containsExactlyElementsOf(created.subList(0, UserSearchController.PAGE_SIZE));
        assertThat(first.document().select("a[rel=prev]")).isEmpty();
        Page second = admin.navigate(link(first, "next"));
        assertThat(names(second)).containsExactly(created.get(UserSearchController.PAGE_SIZE));
        assertThat(second.document().select("a[rel=next]")).isEmpty();
        Page backAgain = admin.navigate(link(second, "prev"));
        assertThat(names(backAgain)).isEqualTo(names(first));
        assertThat(backAgain.document().select("a[rel=prev]")).isEmpty();
    }

    @Test
    void anEmptySearchListsEveryoneAPageAtATime() {
        Page all = admin.navigate("/admin/users?q=");

        assertThat(all.status()).isEqualTo(200);
        assertThat(names(all)).isNotEmpty().hasSizeLessThanOrEqualTo(UserSearchController.PAGE_SIZE);
        assertThat(names(all)).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void wildcardsAreTakenLiterallyAndBadSearchesAreShownAgainWithAMessage() {
        assertThat(names(admin.navigate("/admin/users?q=%25")))
                .as("%% is no wildcard")
                .isEmpty();
        assertThat(names(admin.navigate("/admin/users?q=_")))
                .as("_ is no wildcard")
                .isEmpty();

        Page tooLong = admin.navigate("/admin/users?q=" + "x".repeat(5000));
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.document().select(".field-error").text()).isNotBlank();
        Page control = admin.navigate("/admin/users?q=a%01b");
        assertThat(control.status()).isEqualTo(200);
        assertThat(control.document().select(".field-error").text()).isNotBlank();
        assertThat(admin.navigate("/admin/users?after=" + "z".repeat(5000)).status())
                .isEqualTo(200);
    }

    private ApplicationUser userWithoutPassword(String userName, String email) {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(userName);
        user.setEmail(email);
        return userManager.createWithoutPassword(user);
    }

    private static List<String> names(Page page) {
        return page.document().select("table.users tbody th a").stream()
                .map(Element::text)
                .toList();
    }

    private static String link(Page page, String rel) {
        return page.document().selectFirst("a[rel=" + rel + "]").absUrl("href");
    }
}
