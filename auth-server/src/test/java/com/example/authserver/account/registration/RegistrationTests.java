package com.example.authserver.account.registration;

import static com.example.authserver.account.AccountPageChecks.NEW_PASSWORD;
import static com.example.authserver.account.AccountPageChecks.h1;
import static com.example.authserver.account.AccountPageChecks.mainText;
import static com.example.authserver.account.AccountPageChecks.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.AccountPageChecks;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestMailServer.ReceivedMail;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ServerTest
public class RegistrationTests {

    public static final String FORM = "form[action$=/account/register]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void registeringSendsAConfirmationLinkAndTheNewUserCanSignIn() {
        Page login = browser.navigate("/login");
        Element createAccount = login.document().selectFirst("a[href=/account/register]");
        assertThat(createAccount).isNotNull();
        assertThat(createAccount.text()).isEqualTo("Create an account");
        Page form = browser.navigate(createAccount.attr("href"));
        AccountPageChecks.assertCommonLayout(form, "Create an account");
        String name = unique("newcomer");
        String email = name + "@example.org";

        Page sent = browser.follow(browser.submit(form, FORM, fields(name, email, NEW_PASSWORD)));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(h1(sent)).isEqualTo("Check your email");
        ReceivedMail mail = TestMailServer.awaitMail(email);
        assertThat(mail.subject()).isEqualTo("Confirm your email address for AuthForge");
        assertThat(mail.from()).isEqualTo("no-reply@localhost");
        String link = mail.link("/account/confirm-email?token=");
        assertThat(link).startsWith(server.issuer());
        assertThat(mail.html()).contains("href=\"" + link + "\"").contains("Hello Nora,");
        assertThat(mail.text()).contains("Hello Nora,").contains("24 hours");
        assertThat(userManager.findByName(name).orElseThrow().isEmailConfirmed())
                .isFalse();

        Page confirmPage = browser.navigate(link);
        AccountPageChecks.assertCommonLayout(confirmPage, "Confirm your email address");
        assertThat(mainText(confirmPage)).contains(name);
        assertThat(userManager.findByName(name).orElseThrow().isEmailConfirmed())
                .as("opening the link changes nothing")
                .isFalse();
        Page confirmed = browser.follow(
                browser.submit(confirmPage, "form[action$=/account/confirm-email]", Map.of("password", NEW_PASSWORD)));

        assertThat(h1(confirmed)).isEqualTo("Email address confirmed");
        assertThat(userManager.findByName(name).orElseThrow().isEmailConfirmed())
                .isTrue();
        Page home = browser.signIn(name, NEW_PASSWORD);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.document().select(".account").text()).contains("Signed in as " + name);
        assertThat(home.document().select("table.claims").text())
                .contains("given_name Nora")
                .contains("family_name Newcomer")
                .contains("email_verified true");
    }

    @Test
    void aCommonPasswordShowsTheFormAgainWithItsMessageAndTheValuesTypedButNoPassword() {
        String name = unique("weak");

        Page again = browser.submit(
                browser.navigate("/account/register"), FORM, fields(name, name + "@example.org", "password"));

        assertThat(again.status()).isEqualTo(200);
        AccountPageChecks.assertCommonLayout(again, "Create an account");
        Document page = again.document();
        assertThat(page.select("[role=alert]").text()).isEqualTo("Please correct the fields marked below.");
        assertThat(page.select("#password-error").text()).contains("too common");
        assertThat(page.selectFirst("#password").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#password").attr("aria-describedby")).contains("password-error");
        assertThat(page.selectFirst("#userName").val()).isEqualTo(name);
        assertThat(page.selectFirst("#email").val()).isEqualTo(name + "@example.org");
        assertThat(page.selectFirst("#givenName").val()).isEqualTo("Nora");
        assertThat(page.selectFirst("#familyName").val()).isEqualTo("Newcomer");
        assertThat(page.selectFirst("#password").val()).isEmpty();
        assertThat(page.selectFirst("#confirmPassword").val()).isEmpty();
        assertThat(page.selectFirst("#userName").hasAttr("aria-invalid")).isFalse();
        assertThat(userManager.findByName(name)).isEmpty();
    }

    @Test
    void aShortPasswordAndAnInvalidEmailAreBothReported() {
        String name = unique("invalid");

        Page again =
                browser.submit(browser.navigate("/account/register"), FORM, fields(name, "not-an-email", "Sh0rt!"));

        Document page = again.document();
        assertThat(page.select("#password-error").text()).isEqualTo("Use at least 8 characters.");
        assertThat(page.select("#email-error").text()).startsWith("Enter a valid email address");
        assertThat(page.selectFirst("#email").val()).isEqualTo("not-an-email");
        assertThat(page.selectFirst("#userName").val()).isEqualTo(name);
        assertThat(userManager.findByName(name)).isEmpty();
    }

    @Test
    void differentPasswordsAndAMissingUserNameAreReported() {
        Map<String, String> fields = fields("", unique("mismatch") + "@example.org", NEW_PASSWORD);
        fields.put("confirmPassword", NEW_PASSWORD + "x");

        Page page = browser.submit(browser.navigate("/account/register"), FORM, fields);

        assertThat(page.document().select("#confirmPassword-error").text())
                .isEqualTo("The two passwords are not the same.");
        assertThat(page.document().select("#userName-error").text()).isEqualTo("Enter a user name.");
    }

    @Test
    void aTakenUserNameIsReportedIgnoringCase() {
        ApplicationUser existing = testUsers.create("taken");

        Page page = browser.submit(
                browser.navigate("/account/register"),
                FORM,
                fields(existing.getUserName().toUpperCase(), unique("other") + "@example.org", NEW_PASSWORD));

        assertThat(page.document().select("#userName-error").text()).startsWith("This user name is taken");
        assertThat(page.document().selectFirst("#userName").val())
                .isEqualTo(existing.getUserName().toUpperCase());
    }

    @Test
    void aTakenEmailLooksLikeASuccessAndTheOwnerIsTold() {
        ApplicationUser owner = testUsers.create("owner");
        String newName = unique("squatter");
        String freshName = unique("fresh");

        Page taken = browser.follow(browser.submit(
                browser.navigate("/account/register"),
                FORM,
                fields(newName, owner.getEmail().toUpperCase(), NEW_PASSWORD)));
        Browser other = server.browser();
        Page fresh = other.follow(other.submit(
                other.navigate("/account/register"),
                FORM,
                fields(freshName, freshName + "@example.org", NEW_PASSWORD)));

        assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(200);
        assertThat(taken.uri()).isEqualTo(fresh.uri());
        assertThat(mainText(taken)).isEqualTo(mainText(fresh));
        ReceivedMail notice = TestMailServer.awaitMail(owner.getEmail());
        assertThat(notice.subject()).startsWith("Someone tried to create an account");
        assertThat(notice.text())
                .contains(owner.getUserName())
                .contains(server.issuer() + "/account/forgot-password")
                .doesNotContain("token=");
        assertThat(userManager.findByName(newName)).isEmpty();
        TestMailServer.awaitMail(freshName + "@example.org");
        assertThat(TestMailServer.mailsTo(owner.getEmail())).hasSize(1);
    }

    @Test
    void aUserNameThatLooksLikeAnotherEmailAddressIsRefused() {
        ApplicationUser bob = userManager.findByName("bob").orElseThrow();
        String name = unique("shadow");

        Page page = browser.submit(
                browser.navigate("/account/register"),
                FORM,
                fields(bob.getEmail().toUpperCase(), name + "@example.org", NEW_PASSWORD));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("#userName-error").text())
                .isEqualTo("A user name that looks like an email address must be your own email address.");
        assertThat(userManager.findByEmail(name + "@example.org")).isEmpty();
        Page own = browser.follow(browser.submit(
                browser.navigate("/account/register"),
                FORM,
                fields(name + "@example.org", name + "@example.org", NEW_PASSWORD)));
        assertThat(h1(own)).as("one's own address is a fine user name").isEqualTo("Check your email");
    }

    @Test
    void signingInWithAnEmailAddressFindsTheAccountWhoseAddressItIsEvenIfAUserNameShadowsIt() {
        ApplicationUser owner = testUsers.create("owner");
        ApplicationUser shadow = testUsers.create("shadow");
        // a user name from before the rule (imported, say) that is exactly the owner's address
        jdbc.update(
                "update users set user_name = ?, normalized_user_name = ? where id = ?",
                owner.getEmail(),
                LookupNormalizer.normalizeName(owner.getEmail()),
                shadow.getId());

        Page home = server.browser().signIn(owner.getEmail(), TestUsers.PASSWORD);
        server.browser().signIn(owner.getEmail(), "a-wrong-password");

        assertThat(home.document().select(".account").text()).contains("Signed in as " + owner.getUserName());
        assertThat(userManager.findById(owner.getId()).orElseThrow().getAccessFailedCount())
                .isEqualTo(1);
        assertThat(userManager.findById(shadow.getId()).orElseThrow().getAccessFailedCount())
                .isZero();
    }

    /** The registration form's fields, with a made-up name. */
    public static Map<String, String> fields(String userName, String email, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("userName", userName);
        fields.put("email", email);
        fields.put("givenName", "Nora");
        fields.put("familyName", "Newcomer");
        fields.put("password", password);
        fields.put("confirmPassword", password);
        return fields;
    }
}
