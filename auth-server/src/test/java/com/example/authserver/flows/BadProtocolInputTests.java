package com.example.authserver.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Malformed and malicious protocol requests get the protocol's error, never a 500 or a stack trace. */
@ServerTest
class BadProtocolInputTests {

    @Autowired
    TestServer server;

    Browser browser;

    OidcClient client;

    @BeforeEach
    void setUp() {
        browser = server.browser();
        client = server.interactiveClient();
    }

    @Test
    void unregisteredRedirectUriShowsAnErrorPageInsteadOfRedirecting() {
        Authorization authorization =
                client.authorizationRequest("openid", URI.create("http://127.0.0.1:8080/somewhere-else"));

        Browser.Page page = browser.get(authorization.requestUri().toString());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void authorizationRequestWithoutPkceIsRejectedWithInvalidRequest() {
        String withoutPkce = server.issuer() + "/oauth2/authorize?response_type=code&client_id=interactive&scope=openid"
                + "&state=xyz&redirect_uri=" + OidcClient.REDIRECT_URI;
        browser.signIn("alice", "Pass123$");

        Browser.Page page = browser.get(withoutPkce);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location())
                .startsWith(OidcClient.REDIRECT_URI.toString())
                .contains("error=invalid_request")
                .contains("state=xyz")
                .doesNotContain("code=");
    }

    @Test
    void codeExchangeWithoutTheRightVerifierIsRejected() throws Exception {
        Authorization authorization = client.authorizationRequest("openid");
        AuthorizationCode code = SignInFlow.authorize(browser, client, authorization, "alice", "Pass123$");

        TokenResponse response = client.exchange(code, new CodeVerifier());

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void reusedAuthorizationCodeIsRejected() throws Exception {
        Authorization authorization = client.authorizationRequest("openid");
        AuthorizationCode code = SignInFlow.authorize(browser, client, authorization, "alice", "Pass123$");
        assertThat(client.exchange(code, authorization.verifier()).indicatesSuccess())
                .isTrue();

        TokenResponse second = client.exchange(code, authorization.verifier());

        assertThat(second.indicatesSuccess()).isFalse();
        assertThat(second.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void unknownClientAtTheAuthorizationEndpointShowsAnErrorPage() {
        Browser.Page page = browser.get("/oauth2/authorize?response_type=code&client_id=nobody&scope=openid"
                + "&redirect_uri=http://evil.example/cb&code_challenge=abc&code_challenge_method=S256");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
    }

    @Test
    void tokenRequestWithoutClientCredentialsGetsInvalidClientJson() throws Exception {
        HttpResponse<String> response = post("/oauth2/token", "grant_type=client_credentials", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_client\"");
    }

    @Test
    void clientCallsWithoutCredentialsGetInvalidClientEvenWhenTheyAcceptHtml() throws Exception {
        for (String path : List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke", "/oauth2/par")) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.issuer() + path))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    // what java.net.HttpURLConnection sends by default
                                    .header("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&token=x"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("\"error\":\"invalid_client\"");
        }
    }

    @Test
    void unsupportedGrantTypeGetsTheProtocolError() throws Exception {
        HttpResponse<String> response = post(
                "/oauth2/token",
                "grant_type=password&username=alice&password=x",
                OidcClient.M2M + ":" + OidcClient.M2M_SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"unsupported_grant_type\"");
    }

    @Test
    void garbageTokenRequestBodyGetsInvalidRequest() throws Exception {
        HttpResponse<String> response =
                post("/oauth2/token", "%%%&&&===", OidcClient.M2M + ":" + OidcClient.M2M_SECRET);

        assertThat(response.statusCode()).isBetween(400, 401);
        assertThat(response.body()).contains("\"error\"").doesNotContain("Exception");
    }

    @Test
    void userInfoWithAForgedTokenIsUnauthorized() throws Exception {
        assertThat(client.userInfo(new BearerAccessToken("not.a.jwt")).indicatesSuccess())
                .isFalse();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.issuer() + "/userinfo"))
                                .header("Authorization", "Bearer forged")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String body, String basicCredentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicCredentials != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(
                                            basicCredentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
