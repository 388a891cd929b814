package com.example.authserver.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.RestartableServer;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestUsers;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Two real servers for the external-login tests: the upstream provider, a second instance of this application
 * with a database of its own and a client registered for the other through {@code authforge.clients.configured};
 * and the server under test, whose {@code authforge.external-logins} name that provider ({@code upstream}) and a
 * provider that is down ({@code down}). The server under test runs at 127.0.0.1, the provider at localhost: the
 * browser keeps their session cookies apart. The provider matches redirect URIs exactly, so the client's is
 * registered again once the server under test has its port.
 */
final class UpstreamProvider implements AutoCloseable {

    static final String PROVIDER_ID = "upstream";

    static final String DISPLAY_NAME = "Upstream Corp";

    static final String CLIENT_ID = "authforge-under-test";

    static final String CLIENT_SECRET = "external-login-test-secret-7c1f0d4e9b2a";

    private final RestartableServer providerDatabase = new RestartableServer();

    private final RestartableServer appDatabase = new RestartableServer();

    final ConfigurableApplicationContext provider;

    final ConfigurableApplicationContext app;

    final String providerUrl;

    final String appUrl;

    UpstreamProvider() {
        String client = "--authforge.clients.configured." + CLIENT_ID;
        provider = providerDatabase.start(
                client + ".name=AuthForge under test",
                client + ".secret=" + CLIENT_SECRET,
                client + ".redirect-uris=http://127.0.0.1/login/oauth2/code/" + PROVIDER_ID);
        providerUrl = RestartableServer.url(provider);
        String upstream = "--authforge.external-logins." + PROVIDER_ID;
        app = appDatabase.start(
                upstream + ".display-name=" + DISPLAY_NAME,
                upstream + ".issuer-uri=" + providerUrl,
                upstream + ".client-id=" + CLIENT_ID,
                upstream + ".client-secret=" + CLIENT_SECRET,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.port(),
                // nothing listens on port 1: its discovery document cannot be read
                "--authforge.external-logins.down.display-name=Down Inc",
                "--authforge.external-logins.down.issuer-uri=" + "http://127.0.0.1:1",
                "--authforge.external-logins.down.client-id=x",
                "--authforge.external-logins.down.client-secret=y");
        appUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        // the provider matches redirect URIs of confidential clients exactly: now that the port is known, register it
        RegisteredClientRepository clients = provider.getBean(RegisteredClientRepository.class);
        RegisteredClient registered = clients.findByClientId(CLIENT_ID);
        clients.save(RegisteredClient.from(registered)
                .redirectUris(uris -> {
                    uris.clear();
                    uris.add(appUrl + "/login/oauth2/code/" + PROVIDER_ID);
                })
                .build());
    }

    /** A new user at the provider, with a confirmed email address. */
    ApplicationUser newUpstreamUser() {
        return provider.getBean(TestUsers.class).create("upstream");
    }

    /** A new browser, pointed at the server under test. */
    Browser browser() {
        return new Browser(appUrl);
    }

    /** Follows redirects between the two servers; stops at a page, or at a redirect anywhere else (a client). */
    Page followAcross(Browser browser, Page page) {
        Page current = page;
        for (int hops = 0; current.isRedirect() && hops < 20; hops++) {
            String next = current.uri().resolve(current.location()).toString();
            if (!next.startsWith(appUrl + "/") && !next.startsWith(providerUrl + "/")) {
                return new Page(
                        current.status(),
                        current.uri().resolve(current.location()),
                        current.location(),
                        current.body());
            }
            current = browser.get(next);
        }
        return current;
    }

    /** On the sign-in page of the server under test: the "Sign in with" button of the provider, up to its sign-in page. */
    Page clickSignInWith(Browser browser, Page loginPage, String providerId) {
        Page answer = browser.submit(
                loginPage, "form.external-login[action$=/oauth2/authorization/" + providerId + "]", Map.of());
        return followAcross(browser, answer);
    }

    /**
     * At the provider: signs in and allows the server under test, remembering the decision; returns the page the
     * server under test shows.
     */
    Page signInAtProvider(Browser browser, Page providerLogin, ApplicationUser user) {
        assertThat(providerLogin.uri().toString())
                .as("the provider's sign-in page")
                .startsWith(providerUrl + "/login");
        Page page = followAcross(
                browser,
                browser.submit(
                        providerLogin,
                        "form[action$=/login]",
                        Map.of("username", user.getUserName(), "password", TestUsers.PASSWORD)));
        if (page.uri().getPath().equals("/oauth2/consent")) {
            // the user ticks "Remember my decision": later sign-ins through the provider come straight back
            page = followAcross(browser, browser.submit(page, "#consent-allow", Map.of("remember", "true")));
        }
        return page;
    }

    /** From the server under test's sign-in page, through the provider, back: the page that follows. */
    Page signInThroughProvider(Browser browser, Page loginPage, ApplicationUser user) {
        return signInAtProvider(browser, clickSignInWith(browser, loginPage, PROVIDER_ID), user);
    }

    @Override
    public void close() {
        app.close();
        provider.close();
        appDatabase.close();
        providerDatabase.close();
    }
}
