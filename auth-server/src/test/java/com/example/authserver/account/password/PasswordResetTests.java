package com.example.authserver.account.password;

import static com.example.authserver.account.AccountPageChecks.NEW_PASSWORD;
import static com.example.authserver.account.AccountPageChecks.h1;
import static com.example.authserver.account.AccountPageChecks.mainText;
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
import com.example.authserver.support.TestMailServer.ReceivedMail;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ServerTest
@ExtendWith(OutputCaptureExtension.class)
public class PasswordResetTests {

    public static final String FORGOT_FORM = "form[action$=/account/forgot-password]";

    public static final String RESET_FORM = "form[action$=/account/reset-password]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

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
    void forgotPasswordAnswersAlikeForKnownAndUnknownAddresses() {
        ApplicationUser user = testUsers.create("forgot");
        String unknown = unique("nobody") + "@example.net";
        assertThat(browser.navigate("/login")
                        .document()
                        .select("a[href=/account/forgot-password]")
                        .text())
                .isEqualTo("Forgot your password?");
        Page form = browser.navigate("/account/forgot-password");
        AccountPageChecks.assertCommonLayout(form, "Forgot your password");

        Page forUnknown = browser.submit(form, FORGOT_FORM, Map.of("email", unknown));
        Page forKnown = browser.submit(form, FORGOT_FORM, Map.of("email", user.getEmail()));

        assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(302);
        assertThat(forUnknown.location()).isEqualTo(forKnown.location());
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        Page shown = browser.follow(forKnown);
        assertThat(h1(shown)).isEqualTo("Check your email");
        assertThat(mainText(shown)).isEqualTo(mainText(browser.follow(forUnknown)));
        ReceivedMail mail = TestMailServer.awaitMail(user.getEmail());
        assertThat(mail.subject()).isEqualTo("Choose a new password for AuthForge");
        assertThat(mail.text()).contains(user.getUserName()).contains("1 hour");
        assertThat(TestMailServer.mailsTo(unknown)).isEmpty();
    }

    /**
     * The answer takes about as long for a registered address as for an unknown one: the request only queues
     * the work. Loose on purpose: medians of several tries, within a factor of three (plus a few milliseconds
     * for a busy machine).
     */
    @Test
    void forgotPasswordTakesAboutAsLongForKnownAndUnknownAddresses() {
        ApplicationUser user = testUsers.create("timing");
        Page form = browser.navigate("/account/forgot-password");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 7; round++) {
            long unknownNanos = timed(form, unique("ghost") + "@example.net");
            long knownNanos = timed(form, user.getEmail());
            if (round > 0) { // the first round warms up
                unknown.add(unknownNanos);
                known.add(knownNanos);
            }
        }

        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        long slack = Duration.ofMillis(20).toNanos();
        assertThat(knownMedian)
                .as("known %s ns, unknown %s ns", knownMedian, unknownMedian)
                .isLessThan(3 * unknownMedian + slack);
        assertThat(unknownMedian)
                .as("unknown %s ns, known %s ns", unknownMedian, knownMedian)
                .isLessThan(3 * knownMedian + slack);
        TestMailServer.awaitMail(user.getEmail(), 7);
    }

    @Test
    void aResetLinkWorksOnceAndTheNewPasswordSignsIn(CapturedOutput output) {
        ApplicationUser user = testUsers.create("reset");
        String link = requestLink(user, 1);

        Page form = browser.navigate(link);
        AccountPageChecks.assertCommonLayout(form, "Choose a new password");
        Page done = browser.follow(browser.submit(form, RESET_FORM, passwords(NEW_PASSWORD)));

        assertThat(h1(done)).isEqualTo("Password changed");
        assertThat(server.browser()
                        .signIn(user.getUserName(), NEW_PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
        assertThat(server.browser()
                        .signIn(user.getUserName(), TestUsers.PASSWORD)
                        .uri()
                        .getQuery())
                .isEqualTo("error");
        Page secondUse = browser.submit(form, RESET_FORM, passwords("Another-Harbor-43"));
        assertThat(secondUse.status()).isEqualTo(400);
        AccountPageChecks.assertCommonLayout(secondUse, "This link does not work");
        assertThat(secondUse.document().select("a[href=/account/forgot-password]"))
                .hasSize(1);
        assertThat(browser.navigate(link).status()).isEqualTo(400);
        assertThat(server.browser()
                        .signIn(user.getUserName(), NEW_PASSWORD)
                        .uri()
                        .getPath())
                .isEqualTo("/");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        assertThat(output.getAll())
                .as("with an SMTP server, no link is logged")
                .doesNotContain(token)
                .doesNotContain(token.substring(token.indexOf('.') + 1))
                .doesNotContain(NEW_PASSWORD);
    }

    @Test
    void aResetLinkDiesOnceThePasswordIsChanged() {
        ApplicationUser user = testUsers.create("changed");
        String link = requestLink(user, 1);
        Page form = browser.navigate(link);

        userManager.changePassword(user, TestUsers.PASSWORD, "Changed-Harbor-44");

        assertThat(browser.navigate(link).status()).isEqualTo(400);
        assertThat(browser.submit(form, RESET_FORM, passwords(NEW_PASSWORD)).status())
                .isEqualTo(400);
        assertThat(server.browser()
                        .signIn(user.getUserName(), "Changed-Harbor-44")
                        .uri()
                        .getPath())
                .isEqualTo("/");
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        ApplicationUser user = testUsers.create("late");
        String link = requestLink(user, 1);

        clock.advance(Duration.ofMinutes(61));

        assertThat(browser.navigate(link).status()).isEqualTo(400);
    }

    @Test
    void aRejectedNewPasswordLeavesTheLinkUsable() {
        ApplicationUser user = testUsers.create("retry");
        Page form = browser.navigate(requestLink(user, 1));

        Page again = browser.submit(form, RESET_FORM, passwords("12345678"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("#password-error").text()).contains("too common");
        assertThat(again.document().selectFirst("input[name=token]").val())
                .isEqualTo(form.document().selectFirst("input[name=token]").val());
        Page done = browser.follow(browser.submit(again, RESET_FORM, passwords(NEW_PASSWORD)));
        assertThat(h1(done)).isEqualTo("Password changed");
    }

    private String requestLink(ApplicationUser user, int mailNumber) {
        browser.submit(browser.navigate("/account/forgot-password"), FORGOT_FORM, Map.of("email", user.getEmail()));
        return TestMailServer.awaitMail(user.getEmail(), mailNumber).link("/account/reset-password?token=");
    }

    private long timed(Page form, String email) {
        long start = System.nanoTime();
        Page answer = browser.submit(form, FORGOT_FORM, Map.of("email", email));
        long nanos = System.nanoTime() - start;
        assertThat(answer.status()).isEqualTo(302);
        return nanos;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static Map<String, String> passwords(String password) {
        return Map.of("password", password, "confirmPassword", password);
    }
}
