package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OtherLocalAddress;
import com.example.authserver.support.ProxiedServerTest;
import com.example.authserver.support.TestServer;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Tomcat believes X-Forwarded-* from the trusted proxies only (loopback by default, see {@link ProxiedServerTest}),
 * and takes the right-most address that is not a trusted proxy: a client cannot pick the address it is rate-limited by.
 */
@ProxiedServerTest
class ForwardedHeadersTests {

    private static final String SIGN_IN_FORM = "form[action$=/login]";

    @Autowired
    TestServer server;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void onlyTheConfiguredProxiesAreTrustedNotSpringBootsDefaultPrivateNetworks() {
        Valve[] valves = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getEngine()
                .getPipeline()
                .getValves();
        RemoteIpValve valve = (RemoteIpValve) List.of(valves).stream()
                .filter(RemoteIpValve.class::isInstance)
                .findFirst()
                .orElseThrow();

        assertThat(valve.getInternalProxies()).isEqualTo("127.0.0.0/8, 0:0:0:0:0:0:0:1/128");
        assertThat(valve.getTrustedProxies()).isNull();
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotEscapeThePerAddressLimitByWritingXForwardedFor() {
        Browser client = new Browser(OtherLocalAddress.serverUrl(server.port()));
        Page login = client.navigate("/login");
        for (int attempt = 1; attempt <= ProxiedServerTest.SIGN_IN_PER_IP; attempt++) {
            Page failed = signIn(client.withHeader("X-Forwarded-For", randomAddress()), login, "forger-" + attempt);
            assertThat(failed.status()).as("attempt %s", attempt).isEqualTo(302);
        }

        Page limited = signIn(client.withHeader("X-Forwarded-For", randomAddress()), login, "forger-last");

        assertThat(limited.status()).as("a new forged address does not help").isEqualTo(429);
    }

    @Test
    void behindATrustedProxyTheRightMostAddressThatIsNotAProxyIsLimited() {
        Browser proxy = server.browser(); // over loopback: the trusted proxy, which appends its client's address
        Page login = proxy.navigate("/login");
        for (int attempt = 1; attempt <= ProxiedServerTest.SIGN_IN_PER_IP; attempt++) {
            // the last attempt passed a second trusted proxy on its way (127.0.0.1, right of the client)
            String chain = randomAddress() + ", 203.0.113.10"
                    + (attempt == ProxiedServerTest.SIGN_IN_PER_IP ? ", 127.0.0.1" : "");
            Page failed = signIn(proxy.withHeader("X-Forwarded-For", chain), login, "proxied-" + attempt);
            assertThat(failed.status()).as("attempt %s", attempt).isEqualTo(302);
        }

        Page limited =
                signIn(proxy.withHeader("X-Forwarded-For", randomAddress() + ", 203.0.113.10"), login, "proxied-last");
        Page otherClient =
                signIn(proxy.withHeader("X-Forwarded-For", randomAddress() + ", 203.0.113.11"), login, "proxied-other");

        assertThat(limited.status())
                .as("203.0.113.10, whatever it wrote to the left")
                .isEqualTo(429);
        assertThat(otherClient.status()).as("another client of the same proxy").isEqualTo(302);
    }

    @Test
    void aTrustedProxyTellsTheSchemeAndHostTheClientUsed() throws Exception {
        Browser proxy = forwardedHttps(server.browser());

        assertThat(issuer(proxy)).isEqualTo("https://login.example.test");
        assertThat(proxy.get("/account").location())
                .as("sign-in redirect")
                .isEqualTo("https://login.example.test/login");
        assertThat(sessionCookie(server.issuer()))
                .as("session cookie of an https request")
                .contains("Secure");
    }

    @Test
    void anyoneElseSaysNothingAboutSchemeAndHost() throws Exception {
        String url = OtherLocalAddress.serverUrl(server.port());

        assertThat(issuer(forwardedHttps(new Browser(url)))).isEqualTo(url);
        assertThat(sessionCookie(url)).contains("HttpOnly").doesNotContain("Secure");
    }

    private static Page signIn(Browser browser, Page login, String userName) {
        return browser.submit(login, SIGN_IN_FORM, Map.of("username", userName, "password", "wrong-password"));
    }

    private static Browser forwardedHttps(Browser browser) {
        return browser.withHeader("X-Forwarded-For", "203.0.113.20")
                .withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-Host", "login.example.test");
    }

    private static String issuer(Browser browser) throws Exception {
        Page discovery = browser.get("/.well-known/openid-configuration");
        assertThat(discovery.status()).isEqualTo(200);
        return JSONObjectUtils.parse(discovery.body()).get("issuer").toString();
    }

    /** The Set-Cookie of a sign-in page fetched with forwarded https headers (a raw client: cookie jars hide it). */
    private static String sessionCookie(String baseUrl) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/login"));
        for (Map.Entry<String, String> header : List.of(
                Map.entry("X-Forwarded-For", "203.0.113.20"),
                Map.entry("X-Forwarded-Proto", "https"),
                Map.entry("X-Forwarded-Host", "login.example.test"))) {
            request.header(header.getKey(), header.getValue());
        }
        HttpResponse<Void> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        return String.join("\n", response.headers().allValues("Set-Cookie"));
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1, 224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(1, 255);
    }
}
