package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Every page's header: the product name, and for a signed-in user their name, the account and sign-out links. */
@ServerTest
class PageHeaderTests {

    @Autowired
    TestServer server;

    @Autowired
    Environment environment;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void theProductNameIsTheDisplayFormOfTheApplicationNameByDefault() {
        String applicationName = environment.getProperty("spring.application.name");
        assertThat(applicationName).as("the artifactId, from application.yml").isNotBlank();

        Page page = browser.navigate("/login");

        String brand = page.document().select("header .brand").text();
        assertThat(brand).isEqualTo(PageHeader.displayForm(applicationName)).isNotEqualTo("AuthForge");
        assertThat(page.document().title()).isEqualTo("Sign in \u00b7 " + brand);
    }

    @Test
    void theDisplayFormCapitalisesEachWordOfTheArtifactId() {
        assertThat(PageHeader.displayForm("auth-server")).isEqualTo("Auth Server");
        assertThat(PageHeader.displayForm("idp2-server")).isEqualTo("Idp2 Server");
        assertThat(PageHeader.displayForm("login_service.core")).isEqualTo("Login Service Core");
        assertThat(PageHeaderModel.productName(null, "auth-server")).isEqualTo("Auth Server");
        assertThat(PageHeaderModel.productName("  Contoso Login ", "auth-server"))
                .isEqualTo("Contoso Login");
        assertThat(PageHeaderModel.productName(null, " - ")).isEqualTo(PageHeaderModel.FALLBACK_NAME);
    }

    @Test
    void aVisitorSeesNoUserInTheHeader() {
        Page page = browser.navigate("/");

        assertThat(page.document().select("header .header-user")).isEmpty();
        assertThat(page.document().select("header a")).hasSize(1);
        assertThat(page.document().selectFirst("h1").text())
                .isEqualTo(
                        "Welcome to " + page.document().select("header .brand").text());
    }

    @Test
    void aSignedInUserSeesTheirNameAndLinksToTheAccountAndToSignOut() {
        browser.signIn("bob", "Pass123$");

        for (String path : new String[] {"/", "/account", "/no-such-page"}) {
            Page page = browser.navigate(path);

            Element user = page.document().selectFirst("header .header-user");
            assertThat(user).as(path).isNotNull();
            assertThat(user.selectFirst(".header-user-name").text()).as(path).isEqualTo("bob");
            assertThat(user.select("a").eachAttr("href")).as(path).containsExactly("/account", "/logout");
        }

        Page signOut = browser.navigate(browser.navigate("/")
                .document()
                .selectFirst("header a[href=/logout]")
                .attr("href"));
        PageChecks.assertCommonLayout(signOut, "Sign out");
        Page signedOut = browser.submit(signOut.form("form[action=/logout]"));
        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        assertThat(signedOut.document().select("header .header-user")).isEmpty();
    }
}
