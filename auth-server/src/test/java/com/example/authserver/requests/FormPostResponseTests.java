package com.example.authserver.requests;

import static com.example.authserver.requests.RequestObjectTests.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code response_mode=form_post}: the code or the error reaches the client as a form the browser posts to the
 * redirect URI, submitted by the server's own script file (the CSP allows no inline script).
 */
@ServerTest
class FormPostResponseTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Test
    void theCodeIsPostedToTheRedirectUriAndCanBeRedeemed() throws Exception {
        OidcClient client = server.interactiveClient();
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        URI request = request(new ClientID(OidcClient.INTERACTIVE), "openid profile", state, verifier);
        Browser browser = server.browser();
        Browser.Page login = browser.follow(browser.get(request.toString()));
        Browser.Page consent = browser.signIn(login, users.create("form-post").getUserName(), TestUsers.PASSWORD);

        Browser.Page page = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));

        assertThat(page.status()).isEqualTo(200);
        Element form = formPostedTo(page.document(), OidcClient.REDIRECT_URI);
        assertThat(form.select("input[type=hidden]").eachAttr("name")).containsExactly("code", "state", "iss");
        assertThat(form.select("input[name=state]").val()).isEqualTo(state.getValue());
        assertThat(form.select("input[name=iss]").val()).isEqualTo(server.issuer());
        assertThat(client.exchange(
                                new AuthorizationCode(
                                        form.select("input[name=code]").val()),
                                verifier)
                        .indicatesSuccess())
                .isTrue();
    }

    @Test
    void anErrorIsPostedUnderAPolicyThatAllowsThePageOnlyItsOwnScript() throws Exception {
        URI request = request(
                new ClientID(OidcClient.INTERACTIVE), "openid no-such-scope", new State("s1"), new CodeVerifier());

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(request).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("form-action");
        Document page = Jsoup.parse(response.body(), request.toString());
        Element form = formPostedTo(page, OidcClient.REDIRECT_URI);
        assertThat(form.select("input[name=error]").val()).isEqualTo("invalid_scope");
        assertThat(form.select("input[name=state]").val()).isEqualTo("s1");
        String script = page.selectFirst("script").absUrl("src");
        HttpResponse<String> scriptFile = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(script)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scriptFile.statusCode()).isEqualTo(200);
        assertThat(scriptFile.body()).contains("getElementById('" + form.id() + "').submit()");
    }

    @Test
    void anUnknownResponseModeIsRefused() {
        String request = request(new ClientID(OidcClient.INTERACTIVE), "openid", new State("s2"), new CodeVerifier())
                .toString()
                .replace("response_mode=form_post", "response_mode=fragment");

        Browser.Page answer = server.browser().get(request);

        assertThat(answer.location()).startsWith(OidcClient.REDIRECT_URI.toString());
        assertThat(query(URI.create(answer.location())))
                .containsEntry("error", "invalid_request")
                .containsEntry("state", "s2");
    }

    /** The one form of the page, posting to {@code redirectUri}, with scripts only from files of the server. */
    private Element formPostedTo(Document page, URI redirectUri) {
        assertThat(page.select("form")).hasSize(1);
        Element form = page.selectFirst("form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(redirectUri.toString());
        assertThat(page.select("script")).allSatisfy(script -> {
            assertThat(script.data()).as("inline script").isBlank();
            assertThat(script.attr("src")).isEqualTo("/js/form-post.js");
        });
        assertThat(page.select("[onload], [onclick], [onsubmit]")).isEmpty();
        assertThat(page.select("noscript input[type=submit]")).hasSize(1);
        return form;
    }

    private URI request(ClientID clientId, String scopes, State state, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(scopes), clientId, OidcClient.REDIRECT_URI)
                .state(state)
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .responseMode(ResponseMode.FORM_POST)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI();
    }
}
