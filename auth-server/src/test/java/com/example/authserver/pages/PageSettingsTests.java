package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RestartableServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The pages' settings on a server of their own: a configured product name, and the error page of a bad authorization
 * request with authforge.error-descriptions off, as the prod profile has it.
 */
class PageSettingsTests {

    final RestartableServer database = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theProdProfileTurnsErrorDescriptionsOff() throws Exception {
        PropertySource<?> prod = new YamlPropertySourceLoader()
                .load("prod", new ClassPathResource("application-prod.yml"))
                .get(0);
        PropertySource<?> development = new YamlPropertySourceLoader()
                .load("development", new ClassPathResource("application.yml"))
                .get(0);

        assertThat(prod.getProperty("authforge.error-descriptions")).isEqualTo(false);
        assertThat(development.getProperty("authforge.error-descriptions")).isEqualTo(true);
    }

    @Test
    void withoutErrorDescriptionsABadAuthorizationRequestSaysBadRequestOnlyAndTheProductNameIsTheConfiguredOne() {
        try (ConfigurableApplicationContext server =
                database.start("--authforge.error-descriptions=false", "--authforge.product-name=Contoso Login")) {
            Browser browser = new Browser(RestartableServer.url(server));

            for (Map<String, String> bad : List.of(
                    Map.of("client_id", "no-such-client", "redirect_uri", OidcClient.REDIRECT_URI.toString()),
                    Map.of("client_id", "interactive", "redirect_uri", "http://127.0.0.1:8080/somewhere-else"))) {
                Page page = browser.navigate(AuthorizationErrorPageTests.authorize(bad));

                assertThat(page.status()).isEqualTo(400);
                assertThat(page.document().selectFirst("h1").text()).startsWith("Bad request");
                assertThat(page.document().select(".error-details")).isEmpty();
                assertThat(page.document().select("main").text())
                        .doesNotContain("invalid_request")
                        .doesNotContain("OAuth 2.0 Parameter")
                        .doesNotContain(bad.get("client_id"))
                        .doesNotContain(bad.get("redirect_uri"));
                assertThat(page.document().select("header .brand").text()).isEqualTo("Contoso Login");
                assertThat(page.document().title()).isEqualTo("Error 400 \u00b7 Contoso Login");
            }
        }
    }
}
