package com.example.authserver.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import java.net.URI;
import java.util.List;
import org.jsoup.Connection.KeyVal;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The consent page, reached the way a browser reaches it: an authorization request from the
 * development client "interactive" (which requires consent), then sign-in.
 */
@ServerTest
class ConsentPageTests {

    static final String CLIENT_ID = OidcClient.INTERACTIVE;

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    OAuth2AuthorizationConsentService consents;

    Browser browser;

    /** A new user per test, so no consent remembered by another test changes what the page shows. */
    ApplicationUser user;

    OidcClient client;

    /** The authorization request in progress: its state, nonce and PKCE verifier. */
    Authorization authorization;

    @BeforeEach
    void openBrowser() {
        browser = server.browser();
        user = testUsers.create("consent");
        client = server.interactiveClient();
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
        assertThat(values(allow, "state"))
                .hasSize(1) // the server's own consent state, not the client's
                .doesNotContain(authorization.state().getValue());
        assertThat(values(allow, "scope")).containsExactlyInAnyOrder("openid", "profile", "email", "scope2");
        assertThat(values(allow, "remember"))
                .as("not sent unless the user ticks it")
                .isEmpty();
        assertThat(page.document().select("input[type=checkbox][value=openid]")).isEmpty();
        assertThat(page.document().select("input[type=hidden][name=scope][value=openid]"))
                .hasSize(1);
        for (Element box : allow.select("input[type=checkbox][name=scope]")) {
            String label =
                    page.document().selectFirst("label[for=" + box.id() + "]").text();
            assertThat(label).startsWith(box.val());
        }
        assertThat(page.document().text())
                .contains("Read your email address")
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
    void rememberMyDecisionIsLeftForTheUserToTick() {
        Page page = requestAuthorization("openid profile");

        Element remember = page.form("#consent-allow").selectFirst("input[type=checkbox][name=remember]");
        assertThat(remember).isNotNull();
        assertThat(remember.val()).isEqualTo("true");
        assertThat(remember.hasAttr("checked")).as("pre-checked").isFalse();
        assertThat(page.document()
                        .selectFirst("label[for=" + remember.id() + "]")
                        .text())
                .isEqualTo("Remember my decision");
    }

    @Test
    void previouslyGrantedScopesAreListedAsGrantedAndSubmittedAgain() {
        RegisteredClient registered = clients.findByClientId(CLIENT_ID);
        consents.save(OAuth2AuthorizationConsent.withId(registered.getId(), user.getId())
                .scope("profile")
                .build());

        Page page = requestAuthorization("openid profile email");

        assertThat(page.uri().getPath()).isEqualTo("/oauth2/consent");
        assertThat(page.document().select("input[type=checkbox][name=scope]").eachAttr("value"))
                .containsExactly("email");
        assertThat(page.document().select(".granted li").text())
                .contains("profile")
                .contains("Read your profile");
        assertThat(values(page.form("#consent-allow"), "scope"))
                .containsExactlyInAnyOrder("openid", "profile", "email");
    }

    @Test
    void allowingRedirectsToTheClientWithACodeForTheCheckedScopesOnly() throws Exception {
        Page page = requestAuthorization("openid profile email");
        FormElement allow = page.form("#consent-allow");
        allow.select("input[type=checkbox][value=email], input[name=remember]").removeAttr("checked");

        Page redirect = browser.submit(allow);

        AuthenticationResponse callback = redirectResponse(redirect);
        assertThat(callback.indicatesSuccess()).isTrue();
        assertThat(callback.getState()).isEqualTo(authorization.state());
        assertThat(grantedScopes(callback.toSuccessResponse().getAuthorizationCode()))
                .containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void denyingRedirectsToTheClientWithAccessDenied() throws Exception {
        Page page = requestAuthorization("openid profile scope2");

        Page redirect = browser.submit(page.form("#consent-deny"));

        AuthenticationResponse callback = redirectResponse(redirect);
        assertThat(callback.indicatesSuccess()).isFalse();
        assertThat(callback.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(callback.getState()).isEqualTo(authorization.state());
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
    void denyingAfterAnEarlierRememberedConsentStillDenies() throws Exception {
        RegisteredClient registered = clients.findByClientId(CLIENT_ID);
        consents.save(OAuth2AuthorizationConsent.withId(registered.getId(), user.getId())
                .scope("profile")
                .build());
        Page page = requestAuthorization("openid profile email");

        Page redirect = browser.submit(page.form("#consent-deny"));

        AuthenticationResponse callback = redirectResponse(redirect);
        assertThat(callback.indicatesSuccess()).isFalse();
        assertThat(callback.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
    }

    /** Starts a code flow with PKCE as the client would, then signs in: the server shows the consent page. */
    private Page requestAuthorization(String scopes) {
        authorization = client.authorizationRequest(scopes);
        Page login = browser.navigate(authorization.requestUri().toString());
        assertThat(login.uri().getPath()).isEqualTo("/login");
        return browser.signIn(login, user.getUserName(), TestUsers.PASSWORD);
    }

    private static AuthenticationResponse redirectResponse(Page redirect) throws Exception {
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).startsWith(OidcClient.REDIRECT_URI.toString());
        return AuthenticationResponseParser.parse(URI.create(redirect.location()));
    }

    /** Redeems the code at the token endpoint and returns the scopes the token was granted. */
    private List<String> grantedScopes(AuthorizationCode code) throws Exception {
        TokenResponse response = client.exchange(code, authorization.verifier());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getScope()
                .toStringList();
    }

    private static List<String> values(FormElement form, String name) {
        return form.formData().stream()
                .filter(field -> field.key().equals(name))
                .map(KeyVal::value)
                .toList();
    }
}
