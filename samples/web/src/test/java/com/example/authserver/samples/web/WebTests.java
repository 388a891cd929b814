package com.example.authserver.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web application on a random port, over real HTTP, with a stub authorization server (its discovery document on
 * another random port): the pages a signed-out user sees, where sign-in leads, and the back-channel logout endpoint.
 * Signing in for real is the browser journey's part ({@link SamplesJourneyTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebTests {

    private static final StubServer authorizationServer = StubServer.authorizationServer();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void useTheStub(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.interactive.issuer-uri", authorizationServer::url);
    }

    @AfterAll
    static void stopTheStub() {
        authorizationServer.stop();
    }

    @Test
    void signedOutHomeOffersSignIn() throws Exception {
        HttpResponse<String> home = get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("id=\"signed-out\"")
                .contains("href=\"/oauth2/authorization/interactive\"")
                .contains(">Sign in<")
                .contains("href=\"/css/site.css\"")
                .doesNotContain("<script");
        assertThat(home.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'self'"));
        assertThat(get("/css/site.css").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesForSignedInUsersSendToSignIn() throws Exception {
        HttpResponse<String> page = get("/call-api");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue(base() + "/oauth2/authorization/interactive");
    }

    @Test
    void signInGoesToTheAuthorizationServerWithPkce() throws Exception {
        HttpResponse<String> signIn = get("/oauth2/authorization/interactive");

        assertThat(signIn.statusCode()).isEqualTo(302);
        String location =
                URLDecoder.decode(signIn.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(location)
                .startsWith(authorizationServer.url() + "/oauth2/authorize?")
                .contains("response_type=code")
                .contains("client_id=interactive")
                .contains("scope=openid profile email scope1 scope2")
                .contains("redirect_uri=" + base() + "/login/oauth2/code/interactive")
                .contains("code_challenge_method=S256")
                .contains("nonce=");
    }

    @Test
    void localhostIsSentToTheLoopbackAddress() throws Exception {
        HttpResponse<String> home = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/call-api?x=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue(base() + "/call-api?x=1");
    }

    @Test
    void aMalformedEscapeOnLocalhostIsRedirectedAsSentNotAnError() throws Exception {
        String answer = RawHttp.send(
                Integer.parseInt(port()), "GET /?a=%zz HTTP/1.1", List.of("Host: localhost:" + port()), "");

        assertThat(answer).startsWith("HTTP/1.1 302 ").contains("Location: " + base() + "/?a=%zz\r\n");
    }

    @Test
    void backChannelLogoutRefusesAnInvalidLogoutToken() throws Exception {
        HttpResponse<String> logout = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/logout/connect/back-channel/interactive"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("logout_token=not-a-token"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // refused as the specification says (400, an OAuth error), neither by CSRF protection (403) nor by a crash
        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.body()).contains("invalid_request").doesNotContain("Exception");
    }

    @Test
    void signOutNeedsThePageToken() throws Exception {
        HttpResponse<String> logout = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(logout.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    private String port() {
        return environment.getRequiredProperty("local.server.port");
    }
}
