package com.example.authserver.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.RestartableServer;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Without providers nothing changes; a provider with a missing setting stops the start-up, naming the setting. */
@ServerTest
class ExternalLoginSettingsTests {

    @Autowired
    TestServer server;

    @Test
    void withoutProvidersTheSignInPageHasNoButtonAndNoProviderEndpointExists() {
        Browser browser = server.browser();

        Page login = browser.navigate("/login");
        Page start = browser.get("/oauth2/authorization/upstream");

        assertThat(login.document().select("form.external-login")).isEmpty();
        assertThat(login.document().text()).doesNotContain("Or sign in with another account");
        assertThat(start.isRedirect()).isTrue();
        assertThat(start.location()).as("no provider: only the sign-in page").endsWith("/login");
    }

    @Test
    void aProviderWithAMissingSettingStopsTheStartUpNamingIt() {
        try (RestartableServer database = new RestartableServer()) {
            assertThatThrownBy(() -> database.start(
                            "--authforge.external-logins.broken.display-name=Broken",
                            "--authforge.external-logins.broken.issuer-uri=https://login.broken.example",
                            "--authforge.external-logins.broken.client-id=authforge"))
                    .hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .rootCause()
                    .hasMessageContaining("authforge.external-logins.broken.client-secret");
        }
    }
}
