package ${package}.pages;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ${package}.identity.ApplicationUser;
import ${package}.support.ServerTest;
import ${package}.support.TestUsers;
import org.jsoup.Connection.KeyVal;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import ${package}.support.Browser;
import ${package}.support.Browser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page, reached the way a browser reaches it: an authorization request from the
 * development client "interactive" (which requires consent), then sign-in.
 */
@ServerTest
class ConsentPageTests {

    static final String CLIENT_ID = "interactive";

    /** The development secret of "interactive" (clients/Clients.java, printed in the README). */
    static final String CLIENT_SECRET = "49C1A7E1-0C79-4A89-A3D6-A37998FB86B0";

    static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/interactive";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    OAuth2AuthorizationConsentService consents;

    Browser browser;

    /** A new user per test, so no consent remembered by another test changes what the page shows. */
    ApplicationUser user;

    String state;

    String codeVerifier;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
        user = testUsers.create("consent");
        state = UUID.randomUUID().toString();
        codeVerifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    @Test
    void consentPageForUnknownClientShowsBadRequest() {
        browser.signIn("alice", "Pass123$");

        Page page = browser.navigate("/oauth2/consent?client_id=no-such-client&scope=openid%20profile&state=abc");

        assertThat(page.status()).isEqualTo(400);
        PageChecks.assertCommonLayout(page, "Error 400");
        assertThat(page.document().selectFirst("h1").text()).startsWith("Bad request");
        assertThat(page.document().select("form")).isEmpty();
    }

    @Test
    void consentPageShowsClientUserAndRequestedScopes() {
        Page page = requestAuthorization("openid profile email scope2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/oauth2/consent");
        PageChecks.assertCommonLayout(page, "Allow access");
        assertThat(page.document().selectFirst("h1").text())
                .isEqualTo("Interactive client wants to access your account");
        assertThat(page.document().select(".account").text()).contains("Signed in as " + user.getUserName() + ".");

        FormElement allow = page.form("#consent-allow");
        assertThat(allow.attr("action")).isEqualTo("/oauth2/authorize");
        assertThat(values(allow, "client_id")).containsExactly(CLIENT_ID);
        assertThat(values(allow, "state")).hasSize(1).doesNotContain(state); // the server's own consent state
        assertThat(values(allow, "scope")).containsExactlyInAnyOrder("openid", "profile", "email", "scope2");
        assertThat(values(allow, "remember")).containsExactly("true");
        assertThat(page.document().select("input[type=checkbox][value=openid]")).isEmpty();
        assertThat(page.document().select("input[type=hidden][name=scope][value=openid]")).hasSize(1);
        for (Element box : allow.select("input[type=checkbox][name=scope]")) {
            String label = page.document().selectFirst("label[for=" + box.id() + "]").text();
            assertThat(label).startsWith(box.val());
        }
        assertThat(page.document().text()).contains("Read your email address")
                .contains("Read your profile")
                .contains("Use the second example API");
        assertThat(allow.select("button[type=submit]:not([form])").text()).isEqualTo("Allow");

        FormElement deny = page.form("#consent-deny");
        assertThat(deny.attr("action")).isEqualTo("/oauth2/authorize");
        assertThat(deny.formData().stream().map(KeyVal::key))
                .containsExactlyInAnyOrder("_csrf", "deny", "client_id", "state");
        assertThat(values(deny, "deny")).containsExactly("true");
        assertThat(values(deny, "state")).isEqualTo(values(allow, "state"));
        assertThat(page.document().select("button[form=consent-deny]").text()).isEqualTo("Deny");
    }

    @Test
    void previouslyGrantedScopesAreListedAsGrantedAndSubmittedAgain() {
        RegisteredClient client = clients.findByClientId(CLIENT_ID);
        consents.save(OAuth2AuthorizationConsent.withId(client.getId(), user.getId()).scope("profile").build());

        Page page = requestAuthorization("openid profile email");

        assertThat(page.uri().getPath()).isEqualTo("/oauth2/consent");
        assertThat(page.document().select("input[type=checkbox][name=scope]").eachAttr("value"))
                .containsExactly("email");
        assertThat(page.document().select(".granted li").text()).contains("profile").contains("Read your profile");
        assertThat(values(page.form("#consent-allow"), "scope")).containsExactlyInAnyOrder("openid", "profile", "email");
    }

    @Test
    void allowingRedirectsToTheClientWithACodeForTheCheckedScopesOnly() throws Exception {
        Page page = requestAuthorization("openid profile email");
        FormElement allow = page.form("#consent-allow");
        allow.select("input[type=checkbox][value=email], input[name=remember]").removeAttr("checked");

        Page redirect = browser.submit(allow);

        Map<String, String> callback = redirectParameters(redirect);
        assertThat(callback).containsEntry("state", state).containsKey("code");
        assertThat(grantedScopes(callback.get("code"))).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void denyingRedirectsToTheClientWithAccessDenied() {
        Page page = requestAuthorization("openid profile scope2");

        Page redirect = browser.submit(page.form("#consent-deny"));

        assertThat(redirectParameters(redirect)).containsEntry("error", "access_denied")
                .containsEntry("state", state)
                .doesNotContainKey("code");
    }

    @Test
    void deviceFlowConsentPostsTheUserCodeToTheDeviceVerificationEndpoint() {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page page = browser.navigate("/oauth2/consent?client_id=" + CLIENT_ID + "&scope=profile&state=device-state"
                + "&user_code=WDJB-MJHT");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".alert-info").text()).contains("WDJB-MJHT");
        for (String form : List.of("#consent-allow", "#consent-deny")) {
            assertThat(page.form(form).attr("action")).isEqualTo("/oauth2/device_verification");
            assertThat(values(page.form(form), "user_code")).containsExactly("WDJB-MJHT");
            assertThat(values(page.form(form), "state")).containsExactly("device-state");
        }
        assertThat(values(page.form("#consent-allow"), "scope")).containsExactly("profile");
    }

    @Test
    void denyingAfterAnEarlierRememberedConsentStillDenies() {
        RegisteredClient client = clients.findByClientId(CLIENT_ID);
        consents.save(OAuth2AuthorizationConsent.withId(client.getId(), user.getId()).scope("profile").build());
        Page page = requestAuthorization("openid profile email");

        Page redirect = browser.submit(page.form("#consent-deny"));

        assertThat(redirectParameters(redirect)).containsEntry("error", "access_denied").doesNotContainKey("code");
    }

    /** Starts a code flow with PKCE as the client would, then signs in: the server shows the consent page. */
    private Page requestAuthorization(String scopes) {
        Page login = browser.navigate("/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&scope=" + encode(scopes) + "&state=" + state
                + "&code_challenge=" + challenge(codeVerifier) + "&code_challenge_method=S256");
        assertThat(login.uri().getPath()).isEqualTo("/login");
        return browser.signIn(login, user.getUserName(), TestUsers.PASSWORD);
    }

    private static Map<String, String> redirectParameters(Page redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.location());
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath()).isEqualTo(REDIRECT_URI);
        Map<String, String> parameters = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Redeems the code at the token endpoint and returns the scopes the token was granted. */
    private List<String> grantedScopes(String code) throws Exception {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT_URI)
                + "&code_verifier=" + encode(codeVerifier);
        String basic = Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String scope = response.body().replaceAll("(?s).*\"scope\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        return List.of(scope.split(" "));
    }

    private static List<String> values(FormElement form, String name) {
        return form.formData().stream().filter(field -> field.key().equals(name)).map(KeyVal::value).toList();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
