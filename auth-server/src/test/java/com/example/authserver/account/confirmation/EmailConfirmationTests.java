package com.example.authserver.account.confirmation;

import static com.example.authserver.account.AccountPageChecks.NEW_PASSWORD;
import static com.example.authserver.account.AccountPageChecks.h1;
import static com.example.authserver.account.AccountPageChecks.mainText;
import static com.example.authserver.account.AccountPageChecks.unconfirmedUser;
import static com.example.authserver.account.AccountPageChecks.unique;
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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class EmailConfirmationTests {

    static final String RESEND_FORM = "form[action$=/account/resend-confirmation]";

    static final String CONFIRM_FORM = "form[action$=/account/confirm-email]";

    @Autowired
    TestServer server;

    @Autowired
    UserManager userManager;

    @Autowired
    TestClock clock;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void resendPageSendsALinkThatConfirmsTheAddressOnce() {
        ApplicationUser user = unconfirmedUser(userManager, "resend");
        Page form = browser.navigate("/account/resend-confirmation");
        AccountPageChecks.assertCommonLayout(form, "Send the confirmation email again");

        Page sent = browser.follow(browser.submit(form, RESEND_FORM, Map.of("email", user.getEmail())));

        assertThat(h1(sent)).isEqualTo("Check your email");
        String link = TestMailServer.awaitMail(user.getEmail()).link("/account/confirm-email?token=");
        Page confirmPage = browser.navigate(link);
        Page wrong = browser.submit(confirmPage, CONFIRM_FORM, Map.of("password", "not-the-password"));
        assertThat(wrong.document().select("[role=alert]").text()).isEqualTo("That password is not correct.");
        assertThat(userManager.findById(user.getId()).orElseThrow().isEmailConfirmed())
                .as("the link alone does not confirm: whoever made the account may not own the address")
                .isFalse();
        Page confirmed = browser.follow(browser.submit(confirmPage, CONFIRM_FORM, Map.of("password", NEW_PASSWORD)));
        assertThat(h1(confirmed)).isEqualTo("Email address confirmed");
        assertThat(userManager.findById(user.getId()).orElseThrow().isEmailConfirmed())
                .isTrue();

        Page secondUse = browser.follow(browser.submit(confirmPage, CONFIRM_FORM, Map.of("password", NEW_PASSWORD)));
        assertThat(secondUse.status()).isEqualTo(400);
        AccountPageChecks.assertCommonLayout(secondUse, "This link does not work");
        assertThat(secondUse.document().select("a[href=/account/resend-confirmation]"))
                .hasSize(1);
        assertThat(browser.navigate(link).status()).isEqualTo(400);
    }

    @Test
    void aNewLinkEndsTheOlderOne() {
        ApplicationUser user = unconfirmedUser(userManager, "newer");
        String first = requestLink(user, 1);
        String second = requestLink(user, 2);

        assertThat(second).isNotEqualTo(first);
        assertThat(browser.navigate(first).status()).isEqualTo(400);
        assertThat(browser.navigate(second).status()).isEqualTo(200);
    }

    @Test
    void resendAnswersAlikeForUnknownAndConfirmedAddressesAndSendsThemNothing() {
        ApplicationUser unconfirmed = unconfirmedUser(userManager, "alike");
        String unknown = unique("nobody") + "@example.net";

        Page forUnknown = browser.follow(browser.submit(
                browser.navigate("/account/resend-confirmation"), RESEND_FORM, Map.of("email", unknown)));
        Page forAlice = browser.follow(browser.submit(
                browser.navigate("/account/resend-confirmation"),
                RESEND_FORM,
                Map.of("email", "AliceSmith@example.com")));
        Page forUnconfirmed = browser.follow(browser.submit(
                browser.navigate("/account/resend-confirmation"),
                RESEND_FORM,
                Map.of("email", unconfirmed.getEmail())));

        assertThat(mainText(forUnknown)).isEqualTo(mainText(forAlice)).isEqualTo(mainText(forUnconfirmed));
        TestMailServer.awaitMail(unconfirmed.getEmail());
        assertThat(TestMailServer.mailsTo(unknown)).isEmpty();
        assertThat(TestMailServer.mailsTo("AliceSmith@example.com")).isEmpty();
    }

    @Test
    void anExpiredLinkDoesNotWork() {
        ApplicationUser user = unconfirmedUser(userManager, "expired");
        String link = requestLink(user, 1);

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        Page page = browser.navigate(link);
        assertThat(page.status()).isEqualTo(400);
        assertThat(h1(page)).isEqualTo("This link does not work");
    }

    @Test
    void aForgedOrMangledTokenDoesNotWork() {
        ApplicationUser user = unconfirmedUser(userManager, "forged");
        String link = requestLink(user, 1);

        assertThat(browser.navigate(link + "x").status()).isEqualTo(400);
        assertThat(browser.navigate("/account/confirm-email?token=" + user.getId() + ".AAAA")
                        .status())
                .isEqualTo(400);
        assertThat(browser.navigate("/account/confirm-email").status()).isEqualTo(400);
        assertThat(browser.navigate(link).status())
                .as("the real link still works")
                .isEqualTo(200);
    }

    @Test
    void thereIsNoDevelopmentMailboxWithAnSmtpServer() {
        assertThat(browser.get("/dev/mailbox").status()).isEqualTo(404);
    }

    private String requestLink(ApplicationUser user, int mailNumber) {
        browser.submit(browser.navigate("/account/resend-confirmation"), RESEND_FORM, Map.of("email", user.getEmail()));
        return TestMailServer.awaitMail(user.getEmail(), mailNumber).link("/account/confirm-email?token=");
    }
}
