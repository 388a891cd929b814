package com.example.authserver.logout;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OpenID Connect Front-Channel Logout: when the user signs out (the sign-out page, or a client's RP-initiated logout),
 * the signed-out page frames the {@code frontchannel_logout_uri} of each client authorized in that session, with
 * {@code iss} and {@code sid}, allows exactly those origins in the policy's {@code frame-src}, and then continues
 * where the sign-out would have redirected (the {@code post_logout_redirect_uri} with {@code state}).
 */
@ServerTest
class FrontChannelLogoutTests {

    private static final String POST_LOGOUT_URI = "http://127.0.0.1:8080/";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    @Test
    void signingOutOnTheSignOutPageFramesEveryFrontChannelClientOfTheSession() throws Exception {
        OidcClient first = clientWithFrontChannel("https://rp-one.example/logout/front?tenant=a%20b");
        OidcClient second = clientWithFrontChannel("http://127.0.0.1:9911/fc");
        ApplicationUser user = users.create("frontchannel-page");
        Browser browser = server.browser();
        String sid = sidOf(SignInFlow.signIn(browser, first, "openid", user.getUserName(), TestUsers.PASSWORD));
        assertThat(sidOf(authorizeSignedIn(browser, second))).isEqualTo(sid);

        Browser.Page signedOut = signOutOnThePage(browser);

        assertThat(signedOut.status()).isEqualTo(200);
        // in no particular order: two authorizations may share a timestamp
        List<URI> frames = frames(signedOut).stream()
                .sorted(java.util.Comparator.comparing(URI::toString).reversed())
                .toList();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).getScheme() + "://" + frames.get(0).getAuthority()
                        + frames.get(0).getPath())
                .isEqualTo("https://rp-one.example/logout/front");
        assertThat(query(frames.get(0)))
                .containsEntry("tenant", "a b")
                .containsEntry("iss", server.issuer())
                .containsEntry("sid", sid);
        assertThat(frames.get(1).toString()).startsWith("http://127.0.0.1:9911/fc?iss=");
        assertThat(query(frames.get(1))).containsEntry("sid", sid).containsEntry("iss", server.issuer());
        assertThat(signedOut.body())
                .as("the URIs are HTML-escaped")
                .contains("&amp;iss=")
                .doesNotContain("&iss=");
        assertThat(frameSources(signedOut))
                .containsExactlyInAnyOrder("https://rp-one.example", "http://127.0.0.1:9911");
        assertThat(signedOut.header("Content-Security-Policy"))
                .doesNotContain("unsafe-inline")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        Element next = signedOut.document().getElementById("continue");
        assertThat(next.absUrl("href")).isEqualTo(server.issuer() + "/login?logout");
        assertThat(signedOut.document().select("script[src]").attr("src")).isEqualTo("/js/front-channel-logout.js");
        assertThat(signedOut.document().select("noscript")).isNotEmpty();
        assertSignedOut(browser, first);
    }

    @Test
    void rpInitiatedLogoutFramesTheClientsThenContinuesToThePostLogoutUriWithState() throws Exception {
        OidcClient client = clientWithFrontChannel("https://rp-rp.example/fc");
        ApplicationUser user = users.create("frontchannel-rp");
        Browser browser = server.browser();
        OIDCTokenResponse tokens = SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD);

        Browser.Page signedOut = browser.get(
                "/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString()
                        + "&post_logout_redirect_uri=" + POST_LOGOUT_URI + "&state=after-logout");

        assertThat(signedOut.status()).isEqualTo(200);
        List<URI> frames = frames(signedOut);
        assertThat(frames).hasSize(1);
        assertThat(query(frames.get(0))).containsEntry("iss", server.issuer()).containsEntry("sid", sidOf(tokens));
        assertThat(frameSources(signedOut)).containsExactly("https://rp-rp.example");
        assertThat(signedOut.header("Content-Security-Policy")).doesNotContain("unsafe-inline");
        assertThat(signedOut.document().getElementById("continue").attr("href"))
                .isEqualTo(POST_LOGOUT_URI + "?state=after-logout");
        assertSignedOut(browser, client);
    }

    @Test
    void aSessionInWhichTheClientWasNotAuthorizedFramesNothing() throws Exception {
        clientWithFrontChannel("https://rp-absent.example/fc");
        ApplicationUser user = users.create("frontchannel-absent");
        Browser browser = server.browser();
        SignInFlow.signIn(browser, server.interactiveClient(), "openid", user.getUserName(), TestUsers.PASSWORD);

        Browser.Page signedOut = signOutOnThePage(browser);

        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        assertThat(signedOut.document().select("iframe")).isEmpty();
        assertThat(signedOut.header("Content-Security-Policy")).doesNotContain("frame-src");
    }

    @Test
    void aClientOfAnotherSessionOfTheSameUserIsNotFramed() throws Exception {
        OidcClient client = clientWithFrontChannel("https://rp-laptop.example/fc");
        ApplicationUser user = users.create("frontchannel-two");
        Browser laptop = server.browser();
        Browser phone = server.browser();
        String laptopSid = sidOf(SignInFlow.signIn(laptop, client, "openid", user.getUserName(), TestUsers.PASSWORD));
        SignInFlow.signIn(phone, server.interactiveClient(), "openid", user.getUserName(), TestUsers.PASSWORD);

        Browser.Page phoneSignedOut = signOutOnThePage(phone);
        Browser.Page laptopSignedOut = signOutOnThePage(laptop);

        assertThat(phoneSignedOut.document().select("iframe")).isEmpty();
        assertThat(phoneSignedOut.uri().getPath()).isEqualTo("/login");
        assertThat(frames(laptopSignedOut)).hasSize(1);
        assertThat(query(frames(laptopSignedOut).get(0))).containsEntry("sid", laptopSid);
    }

    @Test
    void aFrontChannelUriThatIsNotAbsoluteHttpIsNeverFramed() throws Exception {
        OidcClient script = clientWithFrontChannel("javascript:alert(document.cookie)");
        OidcClient relative = clientWithFrontChannel("/logout/front");
        ApplicationUser user = users.create("frontchannel-bad");
        Browser browser = server.browser();
        SignInFlow.signIn(browser, script, "openid", user.getUserName(), TestUsers.PASSWORD);
        authorizeSignedIn(browser, relative);

        Browser.Page signedOut = signOutOnThePage(browser);

        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        assertThat(signedOut.document().select("iframe")).isEmpty();
    }

    @Test
    void withoutFrontChannelClientsRpInitiatedLogoutStillRedirects() throws Exception {
        ApplicationUser user = users.create("frontchannel-none");
        Browser browser = server.browser();
        String idToken = SignInFlow.signIn(
                        browser, server.interactiveClient(), "openid", user.getUserName(), TestUsers.PASSWORD)
                .getOIDCTokens()
                .getIDTokenString();

        Browser.Page logout = browser.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + POST_LOGOUT_URI + "&state=plain");

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo(POST_LOGOUT_URI + "?state=plain");
    }

    @Test
    void discoverySaysFrontChannelLogoutIsSupportedWithSessions() {
        String discovery =
                server.browser().get("/.well-known/openid-configuration").body();

        assertThat(discovery)
                .contains("\"frontchannel_logout_supported\":true")
                .contains("\"frontchannel_logout_session_supported\":true");
    }

    @Test
    void onlyAnAbsoluteHttpUriWithoutFragmentOrUserInfoIsAFrontChannelUri() {
        assertThat(FrontChannelLogout.absoluteHttp("https://rp.example/fc?a=1")).isNotNull();
        assertThat(FrontChannelLogout.absoluteHttp("HTTP://rp.example:8443/fc")).isNotNull();
        assertThat(Arrays.asList(
                        FrontChannelLogout.absoluteHttp("javascript:alert(1)"),
                        FrontChannelLogout.absoluteHttp("data:text/html,x"),
                        FrontChannelLogout.absoluteHttp("ftp://rp.example/fc"),
                        FrontChannelLogout.absoluteHttp("//rp.example/fc"),
                        FrontChannelLogout.absoluteHttp("https://rp.example/fc#top"),
                        FrontChannelLogout.absoluteHttp("https://user:pw@rp.example/fc"),
                        FrontChannelLogout.absoluteHttp("https://rp.example/\"><script>"),
                        FrontChannelLogout.absoluteHttp("https://rp.example fc/"),
                        FrontChannelLogout.absoluteHttp(Boolean.TRUE)))
                .containsOnlyNulls();
    }

    @Test
    void theOriginIsLowerCaseWithThePortOnlyWhenGiven() {
        assertThat(FrontChannelLogout.origin(URI.create("HTTPS://RP.Example/fc")))
                .isEqualTo("https://rp.example");
        assertThat(FrontChannelLogout.origin(URI.create("http://127.0.0.1:9911/fc")))
                .isEqualTo("http://127.0.0.1:9911");
        assertThat(FrontChannelLogout.withSession(
                        URI.create("https://rp.example/fc"), "https://id.example/t 1", "s+/="))
                .isEqualTo("https://rp.example/fc?iss=https%3A%2F%2Fid.example%2Ft+1&sid=s%2B%2F%3D");
    }

    private static Browser.Page signOutOnThePage(Browser browser) {
        return browser.submit(browser.navigate("/logout").form("form[action=/logout]"));
    }

    /** A second client authorized in the browser's session, the user already signed in (consent if asked). */
    private static OIDCTokenResponse authorizeSignedIn(Browser browser, OidcClient client) throws Exception {
        OidcClient.Authorization authorization = client.authorizationRequest("openid");
        Browser.Page page =
                browser.follow(browser.get(authorization.requestUri().toString()));
        if (page.uri().getPath().equals("/oauth2/consent")) {
            page = browser.follow(browser.submit(page, "#consent-allow", Map.of()));
        }
        AuthorizationCode code = client.codeFrom(page.uri(), authorization);
        return (OIDCTokenResponse)
                client.exchange(code, authorization.verifier()).toSuccessResponse();
    }

    private void assertSignedOut(Browser browser, OidcClient client) {
        Browser.Page next = browser.navigate(
                client.authorizationRequest("openid").requestUri().toString());
        assertThat(next.uri().getPath())
                .as("signed out: asked to sign in again")
                .isEqualTo("/login");
    }

    private static String sidOf(OIDCTokenResponse tokens) throws Exception {
        return tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("sid");
    }

    private static List<URI> frames(Browser.Page page) {
        return page.document().select("iframe").stream()
                .map(frame -> URI.create(frame.attr("src")))
                .toList();
    }

    private static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
    }

    /** The sources of the policy's {@code frame-src} directive. */
    private static List<String> frameSources(Browser.Page page) {
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).isNotNull();
        return Arrays.stream(policy.split(";"))
                .map(String::strip)
                .filter(directive -> directive.startsWith("frame-src "))
                .flatMap(directive ->
                        Arrays.stream(directive.substring("frame-src ".length()).split(" ")))
                .toList();
    }

    /** A confidential client like {@code interactive}, whose front-channel logout URI is the given one. */
    private OidcClient clientWithFrontChannel(String frontChannelUri) {
        String clientId = "frontchannel-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(hashing.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(OidcClient.REDIRECT_URI.toString())
                .postLogoutRedirectUri(POST_LOGOUT_URI)
                .scope("openid")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .setting(LogoutClientSettings.FRONT_CHANNEL_URI, frontChannelUri)
                        .setting(LogoutClientSettings.FRONT_CHANNEL_SESSION_REQUIRED, true)
                        .build())
                .build());
        return server.client(clientId, secret);
    }
}
