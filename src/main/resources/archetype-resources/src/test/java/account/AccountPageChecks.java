package ${package}.account;

import java.util.UUID;

import ${package}.identity.ApplicationUser;
import ${package}.identity.UserManager;
import ${package}.support.Browser.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every account page must have (the rules of pages/PageChecks: shared layout, one h1, labelled fields,
 * nothing inline, CSRF-protected forms), and the small helpers the account tests share.
 */
final class AccountPageChecks {

    /** A password the policy accepts. */
    static final String NEW_PASSWORD = "Velvet-Harbor-42";

    private AccountPageChecks() {
    }

    static void assertCommonLayout(Page page, String title) {
        Document document = page.document();
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.title()).isEqualTo(title + " \u00b7 AuthForge");
        assertThat(document.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/site.css");
        assertThat(document.select("h1")).as("one h1 per page").hasSize(1);
        assertThat(document.select("script, style, [style]")).as("nothing inline (CSP)").isEmpty();
        for (Element field : document.select("input:not([type=hidden]), select, textarea")) {
            assertThat(field.id()).as("field %s has an id", field).isNotEmpty();
            assertThat(document.select("label[for=" + field.id() + "]")).as("label for %s", field.id()).hasSize(1);
        }
        for (Element form : document.select("form")) {
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.select("input[type=hidden][name=_csrf]").val()).isNotBlank();
        }
    }

    /** The text of the page's main element: what a visitor reads. */
    static String mainText(Page page) {
        return page.document().selectFirst("main").text();
    }

    static String h1(Page page) {
        return page.document().selectFirst("h1").text();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user who has not confirmed the email address, with password {@link #NEW_PASSWORD}. */
    static ApplicationUser unconfirmedUser(UserManager userManager, String prefix) {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(unique(prefix));
        user.setEmail(user.getUserName() + "@example.net");
        return userManager.create(user, NEW_PASSWORD);
    }
}
