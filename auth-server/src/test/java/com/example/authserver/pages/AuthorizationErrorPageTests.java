package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In development (authforge.error-descriptions in application.yml), an authorization request that cannot go back to
 * the client shows which parameter was wrong, the client_id and the redirect_uri; PageSettingsTests shows the page
 * without them.
 */
@ServerTest
class AuthorizationErrorPageTests {

    static final String REGISTERED = OidcClient.REDIRECT_URI.toString();

    @Autowired
    TestServer server;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
    }

    @Test
    void unknownClientIdIsNamedOnTheErrorPage() {
        Page page = browser.navigate(authorize(Map.of("client_id", "no-such-client", "redirect_uri", REGISTERED)));

        assertThat(page.status()).isEqualTo(400);
        PageChecks.assertCommonLayout(page, "Error 400");
        assertThat(page.document().selectFirst("h1").text()).startsWith("Bad request");
        assertThat(details(page.document()))
                .containsEntry("OAuth error", "invalid_request")
                .containsEntry("Description", "OAuth 2.0 Parameter: client_id")
                .containsEntry("Client (client_id)", "no-such-client")
                .containsEntry("Redirect URI (redirect_uri)", REGISTERED);
    }

    @Test
    void aRedirectUriTheClientDidNotRegisterIsNamedOnTheErrorPage() {
        String other = "http://127.0.0.1:8080/somewhere-else";

        Page page = browser.navigate(authorize(Map.of("client_id", "interactive", "redirect_uri", other)));

        assertThat(page.status()).isEqualTo(400);
        assertThat(details(page.document()))
                .containsEntry("OAuth error", "invalid_request")
                .containsEntry("Description", "OAuth 2.0 Parameter: redirect_uri")
                .containsEntry("Client (client_id)", "interactive")
                .containsEntry("Redirect URI (redirect_uri)", other);
    }

    @Test
    void aMissingClientIdIsSaidToBeMissing() {
        Page page = browser.navigate(authorize(Map.of("redirect_uri", REGISTERED)));

        assertThat(page.status()).isEqualTo(400);
        assertThat(details(page.document()))
                .containsEntry("Description", "OAuth 2.0 Parameter: client_id")
                .containsEntry("Client (client_id)", "(not sent)");
    }

    @Test
    void whatTheRequestSentIsEscapedAndShortened() {
        String markup = "<script>alert(1)</script>\u202e";
        String longUri = "http://127.0.0.1:8080/" + "x".repeat(5000);

        Page page = browser.navigate(authorize(Map.of("client_id", markup, "redirect_uri", longUri)));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select("main script")).isEmpty();
        assertThat(page.body()).doesNotContain("<script>alert");
        Map<String, String> details = details(page.document());
        assertThat(details.get("Client (client_id)"))
                .as("shown as text, the bidi override as an escape")
                .isEqualTo("<script>alert(1)</script>\\u202e");
        assertThat(details.get("Redirect URI (redirect_uri)"))
                .startsWith("http://127.0.0.1:8080/xxx")
                .hasSize(AuthorizationErrorDetails.MAX_LENGTH + 1)
                .endsWith("\u2026");
    }

    @Test
    void otherErrorPagesShowNoDetails() {
        browser.signIn("alice", "Pass123$");

        Page page = browser.navigate("/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.document().select(".error-details")).isEmpty();
    }

    @Test
    void anErrorTheClientCanReceiveStillGoesToItsRedirectUri() {
        Page page = browser.navigate(authorize(
                Map.of("client_id", "interactive", "redirect_uri", REGISTERED, "scope", "openid no-such-scope")));

        assertThat(page.uri().toString()).startsWith(REGISTERED).contains("error=invalid_scope");
    }

    /** The error page's details list, label to value. */
    static Map<String, String> details(Document document) {
        Map<String, String> details = new LinkedHashMap<>();
        document.select(".error-details dt")
                .forEach(term ->
                        details.put(term.text(), term.nextElementSibling().text()));
        return details;
    }

    static String authorize(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(Map.of(
                "response_type", "code",
                "scope", "openid",
                "state", "some-state",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256"));
        all.putAll(parameters);
        return "/oauth2/authorize?"
                + all.entrySet().stream()
                        .map(entry ->
                                entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
