package com.example.authserver.account.confirmation;

import static com.example.authserver.account.AccountPageChecks.NEW_PASSWORD;
import static com.example.authserver.account.AccountPageChecks.h1;
import static com.example.authserver.account.AccountPageChecks.unconfirmedUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.AccountPageChecks;
import com.example.authserver.account.RestrictedAccountSettings;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** authforge.account.require-confirmed-email: true, with emails in the development mailbox (no SMTP server). */
@RestrictedAccountSettings
class ConfirmedEmailRequiredTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void anUnconfirmedUserGetsTheGenericErrorAndALinkToResend() {
        ApplicationUser user = unconfirmedUser(userManager, "unconfirmed");

        Page page = browser.signIn(user.getUserName(), NEW_PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.uri().getQuery()).isEqualTo("error");
        assertThat(page.document().select("[role=alert]").text()).isEqualTo("Invalid user name or password.");
        assertThat(page.document().select("a[href=/account/resend-confirmation]"))
                .hasSize(1);
        assertThat(userManager.findById(user.getId()).orElseThrow().getAccessFailedCount())
                .as("the password was right")
                .isZero();
    }

    @Test
    void afterConfirmingThroughTheDevelopmentMailboxTheUserSignsIn() {
        ApplicationUser user = unconfirmedUser(userManager, "mailbox");
        Page resend = browser.navigate(browser.navigate("/login")
                .document()
                .selectFirst("a[href=/account/resend-confirmation]")
                .attr("href"));
        browser.submit(resend, "form[action$=/account/resend-confirmation]", Map.of("email", user.getEmail()));

        Element mail = awaitMailboxEntry(user.getEmail());
        String link = mail.select("a[href*=/account/confirm-email?token=]").attr("href");
        Page confirmed = browser.follow(browser.submit(
                browser.navigate(link), "form[action$=/account/confirm-email]", Map.of("password", NEW_PASSWORD)));

        assertThat(h1(confirmed)).isEqualTo("Email address confirmed");
        assertThat(browser.signIn(user.getUserName(), NEW_PASSWORD).uri().getPath())
                .isEqualTo("/");
    }

    @Test
    void aConfirmedUserSignsInAsUsual() {
        ApplicationUser user = testUsers.create("confirmed");

        assertThat(browser.signIn(user.getUserName(), TestUsers.PASSWORD).uri().getPath())
                .isEqualTo("/");
    }

    @Test
    void theDevelopmentMailboxIsAnAccountPage() {
        Page page = browser.navigate("/dev/mailbox");

        assertThat(page.status()).isEqualTo(200);
        AccountPageChecks.assertCommonLayout(page, "Development mailbox");
    }

    /** The mailbox entry for the address, once the background sending has put it there. */
    private Element awaitMailboxEntry(String address) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            for (Element mail : browser.navigate("/dev/mailbox").document().select("article.mail")) {
                if (mail.text().contains("To " + address)) {
                    return mail;
                }
            }
            assertThat(Instant.now())
                    .as("an email to %s in the development mailbox", address)
                    .isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }
}
