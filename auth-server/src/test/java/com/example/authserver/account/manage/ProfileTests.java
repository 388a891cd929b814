package com.example.authserver.account.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.AccountPageChecks;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class ProfileTests {

    static final String FORM = "form[action$=/account/profile]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Test
    void theManagePageLeadsToTheProfileWithTheCurrentValues() {
        ApplicationUser user = testUsers.create("profile-show");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page profile = browser.navigate(browser.navigate("/account")
                .document()
                .selectFirst("a[href=/account/profile]")
                .attr("href"));

        AccountPageChecks.assertCommonLayout(profile, "Profile");
        assertThat(profile.document().selectFirst("#givenName").val()).isEqualTo("Test");
        assertThat(profile.document().selectFirst("#familyName").attr("autocomplete"))
                .isEqualTo("family-name");
    }

    @Test
    void savedValuesAreStoredTrimmed() {
        ApplicationUser user = testUsers.create("profile-save");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page saved = browser.follow(browser.submit(
                browser.navigate("/account/profile"), FORM, Map.of("givenName", "  Ada ", "familyName", "")));

        assertThat(saved.document().select(".alert-info").text()).isEqualTo("Your profile has been saved.");
        ApplicationUser stored = userManager.findById(user.getId()).orElseThrow();
        assertThat(stored.getGivenName()).isEqualTo("Ada");
        assertThat(stored.getFamilyName()).isNull();
    }

    @Test
    void anInvalidValueIsReshownWithItsMessageAndNothingIsSaved() {
        ApplicationUser user = testUsers.create("profile-invalid");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        String tooLong = "x".repeat(101);

        Page again = browser.submit(
                browser.navigate("/account/profile"), FORM, Map.of("givenName", tooLong, "familyName", "Lovelace"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#givenName-error").text()).isNotBlank();
        assertThat(again.document().selectFirst("#familyName").val()).isEqualTo("Lovelace");
        assertThat(userManager.findById(user.getId()).orElseThrow().getFamilyName())
                .isEqualTo("User");
    }

    @Test
    void savesFromTwoSessionsAtOnceNeverFailTheRequest() throws Exception {
        ApplicationUser user = testUsers.create("profile-race");
        List<Browser> sessions = List.of(server.browser(), server.browser());
        sessions.forEach(session -> session.signIn(user.getUserName(), TestUsers.PASSWORD));
        List<Page> forms = sessions.stream()
                .map(session -> session.navigate("/account/profile"))
                .toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Page>> saves = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 16; i++) {
                int session = i % 2;
                String name = "Name" + i;
                saves.add(threads.submit(() -> {
                    start.await();
                    return sessions.get(session).submit(forms.get(session), FORM, Map.of("givenName", name));
                }));
            }
            start.countDown();
            for (Future<Page> save : saves) {
                Page answer = save.get();
                assertThat(answer.status())
                        .as("saved (302) or shown again with a message (200)")
                        .isIn(200, 302);
                if (answer.status() == 200) {
                    assertThat(answer.document().select("[role=alert]").text()).contains("changed elsewhere");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
