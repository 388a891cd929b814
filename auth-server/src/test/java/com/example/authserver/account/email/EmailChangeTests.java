package com.example.authserver.account.email;

import static com.example.authserver.account.AccountPageChecks.h1;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.AccountPageChecks;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class EmailChangeTests {

    static final String FORM = "form[action$=/account/email]";

    static final String CONFIRM_FORM = "form[action$=/account/confirm-email-change]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLinkSentToTheNewAddressChangesItOnceAndEndsOtherSessions() {
        ApplicationUser user = testUsers.create("email-change");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Browser otherDevice = server.browser();
        otherDevice.signIn(user.getUserName(), TestUsers.PASSWORD);
        String newEmail = "new-" + UUID.randomUUID() + "@example.org";

        Page form = browser.navigate(browser.navigate("/account")
                .document()
                .selectFirst("a[href=/account/email]")
                .attr("href"));
        AccountPageChecks.assertCommonLayout(form, "Email");
        Page sent = browser.follow(browser.submit(form, FORM, Map.of("email", newEmail)));
        assertThat(h1(sent)).isEqualTo("Check your inbox");
        assertThat(userManager.findById(user.getId()).orElseThrow().getEmail())
                .as("not before the link is opened")
                .isEqualTo(user.getEmail());

        String link = TestMailServer.awaitMail(newEmail).link("/account/confirm-email-change?token=");
        Page confirm = browser.navigate(link);
        assertThat(confirm.document().select("main p").first().text()).contains(newEmail, user.getUserName());
        Page changed = browser.follow(browser.submit(confirm, CONFIRM_FORM, Map.of()));

        assertThat(h1(changed)).isEqualTo("Email address changed");
        ApplicationUser stored = userManager.findById(user.getId()).orElseThrow();
        assertThat(stored.getEmail()).isEqualTo(newEmail);
        assertThat(stored.isEmailConfirmed()).isTrue();
        assertThat(browser.navigate(link).status()).as("a link works once").isEqualTo(400);
        clock.advance(Duration.ofMinutes(2));
        assertThat(browser.get("/account").status()).as("this session goes on").isEqualTo(200);
        assertThat(otherDevice.get("/account").status())
                .as("other sessions end")
                .isEqualTo(302);
        assertThat(server.browser().signIn(newEmail, TestUsers.PASSWORD).uri().getPath())
                .isEqualTo("/");
        assertThat(TestMailServer.awaitMail(user.getEmail()).subject())
                .as("the old address is told")
                .startsWith("The email address of your")
                .endsWith("account was changed");
    }

    @Test
    void theCurrentAddressAndInvalidOnesAreReshownWithAMessage() {
        ApplicationUser user = testUsers.create("email-same");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page same = browser.submit(
                browser.navigate("/account/email"),
                FORM,
                Map.of("email", user.getEmail().toUpperCase()));
        Page invalid = browser.submit(browser.navigate("/account/email"), FORM, Map.of("email", "not-an-address"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.document().select("#email-error").text()).isEqualTo("This is already your email address.");
        assertThat(invalid.document().select("#email-error").text()).startsWith("Enter a valid email address");
        assertThat(invalid.document().selectFirst("#email").val()).isEqualTo("not-an-address");
    }

    @Test
    void anAddressOfAnotherAccountGetsNoLinkAndThePageReadsTheSame() {
        ApplicationUser user = testUsers.create("email-taken");
        ApplicationUser other = testUsers.create("email-owner");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        String fresh = "fresh-" + UUID.randomUUID() + "@example.org";

        Page taken = browser.follow(
                browser.submit(browser.navigate("/account/email"), FORM, Map.of("email", other.getEmail())));
        Page free = browser.follow(browser.submit(browser.navigate("/account/email"), FORM, Map.of("email", fresh)));

        assertThat(AccountPageChecks.mainText(taken)).isEqualTo(AccountPageChecks.mainText(free));
        TestMailServer.awaitMail(fresh);
        assertThat(TestMailServer.mailsTo(other.getEmail())).isEmpty();
    }

    @Test
    void aPasswordChangeEndsTheLink() {
        ApplicationUser user = testUsers.create("email-stamp");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        String newEmail = "stamp-" + UUID.randomUUID() + "@example.org";
        browser.follow(browser.submit(browser.navigate("/account/email"), FORM, Map.of("email", newEmail)));
        String link = TestMailServer.awaitMail(newEmail).link("/account/confirm-email-change?token=");

        browser.follow(browser.submit(
                browser.navigate("/account/change-password"),
                "form[action$=/account/change-password]",
                Map.of(
                        "currentPassword",
                        TestUsers.PASSWORD,
                        "password",
                        AccountPageChecks.NEW_PASSWORD,
                        "confirmPassword",
                        AccountPageChecks.NEW_PASSWORD)));

        assertThat(browser.navigate(link).status()).isEqualTo(400);
    }
}
