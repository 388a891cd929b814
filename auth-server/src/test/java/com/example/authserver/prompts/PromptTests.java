package com.example.authserver.prompts;

import static com.example.authserver.prompts.SignInRequests.open;
import static com.example.authserver.prompts.SignInRequests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.registration.RegistrationTests;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.prompts.SignInRequests.Sent;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.openid.connect.sdk.Prompt;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** {@code prompt} at the authorization endpoint, each value, over HTTP with the Nimbus SDK as the client. */
@ServerTest
class PromptTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    SignInRequests requests;

    Browser browser;

    ApplicationUser user;

    @BeforeEach
    void setUp() {
        requests = new SignInRequests(server.issuer(), server.interactiveClient());
        browser = server.browser();
        user = users.create("prompt");
    }

    @Test
    void promptNoneWithoutASessionAnswersLoginRequiredWithoutShowingAPage() throws Exception {
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.NONE));

        Page answer = browser.get(sent.uri().toString());

        assertThat(answer.status()).isEqualTo(302);
        assertThat(requests.errorAtClient(browser.follow(answer), sent).getCode())
                .isEqualTo("login_required");
    }

    @Test
    void promptNoneSaysTheSameWhetherTheHintedUserExistsOrNot() throws Exception {
        Sent existing = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).loginHint(user.getUserName()));
        Sent unknown = requests.request(
                "openid", request -> request.prompt(Prompt.Type.NONE).loginHint("nobody-" + UUID.randomUUID()));

        ErrorObject forExisting = requests.errorAtClient(open(browser, existing), existing);
        ErrorObject forUnknown = requests.errorAtClient(open(browser, unknown), unknown);

        assertThat(forExisting.getCode()).isEqualTo(forUnknown.getCode()).isEqualTo("login_required");
        assertThat(forExisting.getDescription()).isEqualTo(forUnknown.getDescription());
    }

    @Test
    void promptNoneForASignedInUserIssuesACodeWithoutAPage() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.NONE));

        JWTClaimsSet idToken = requests.idTokenAtClient(open(browser, sent), sent);

        assertThat(idToken.getSubject()).isEqualTo(user.getId());
    }

    @Test
    void promptNoneWhenConsentIsNeededAnswersConsentRequired() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid profile", request -> request.prompt(Prompt.Type.NONE));

        assertThat(requests.errorAtClient(open(browser, sent), sent).getCode()).isEqualTo("consent_required");
    }

    @Test
    void promptNoneWithAnotherValueOrAnUnknownValueIsAnInvalidRequest() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent noneAndLogin = requests.request("openid", request -> request.customParameter("prompt", "none login"));
        Sent unknown = requests.request("openid", request -> request.customParameter("prompt", "sometimes"));
        Sent oauthOnly = requests.request("openid", request -> request.customParameter("prompt", "none consent"));
        Page oauthOnlyAnswer =
                browser.follow(browser.get(oauthOnly.uri().toString().replace("scope=openid", "scope=scope2")));

        assertThat(requests.errorAtClient(open(browser, noneAndLogin), noneAndLogin)
                        .getCode())
                .isEqualTo("invalid_request");
        assertThat(requests.errorAtClient(open(browser, unknown), unknown).getCode())
                .isEqualTo("invalid_request");
        assertThat(requests.errorAtClient(oauthOnlyAnswer, oauthOnly).getCode()).isEqualTo("invalid_request");
    }

    @Test
    void promptLoginAsksASignedInUserToSignInAgainThenGoesOn() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.LOGIN));

        Page login = open(browser, sent);
        assertThat(login.uri().getPath()).isEqualTo("/login");
        Page back = signIn(browser, login, user.getUserName(), TestUsers.PASSWORD);

        assertThat(requests.idTokenAtClient(back, sent).getSubject()).isEqualTo(user.getId());
    }

    @Test
    void promptLoginForAVisitorSignsInOnceNotTwice() throws Exception {
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.LOGIN));

        Page back = signIn(browser, open(browser, sent), user.getUserName(), TestUsers.PASSWORD);

        assertThat(requests.idTokenAtClient(back, sent).getSubject()).isEqualTo(user.getId());
    }

    @Test
    void promptConsentAsksAgainEvenWhenTheConsentWasRemembered() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent first = requests.request("openid profile", request -> request);
        Page consent = open(browser, first);
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        requests.idTokenAtClient(
                browser.follow(browser.submit(consent, "#consent-allow", Map.of("remember", "true"))), first);
        Sent remembered = requests.request("openid profile", request -> request);
        requests.idTokenAtClient(open(browser, remembered), remembered);

        Sent again = requests.request("openid profile", request -> request.prompt(Prompt.Type.CONSENT));
        Page asked = open(browser, again);

        assertThat(asked.uri().getPath()).isEqualTo("/oauth2/consent");
        requests.idTokenAtClient(browser.follow(browser.submit(asked, "#consent-allow", Map.of())), again);
    }

    @Test
    void selectAccountContinuingAsTheSignedInUserGoesOn() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.SELECT_ACCOUNT));

        Page choice = open(browser, sent);
        assertThat(choice.uri().getPath()).isEqualTo("/select-account");
        assertThat(choice.document().selectFirst("#continue button").text())
                .isEqualTo("Continue as " + user.getUserName());
        Page back = browser.follow(browser.submit(choice, "#continue", Map.of()));

        assertThat(requests.idTokenAtClient(back, sent).getSubject()).isEqualTo(user.getId());
    }

    @Test
    void selectAccountUsingAnotherAccountSignsOutAndGoesOnAsTheOtherUser() throws Exception {
        ApplicationUser other = users.create("prompt-other");
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.SELECT_ACCOUNT));

        Page login = browser.follow(browser.submit(open(browser, sent), "#other", Map.of()));
        assertThat(browser.navigate("/").document().text()).doesNotContain("Signed in as");
        Page back = signIn(browser, login, other.getUserName(), TestUsers.PASSWORD);

        assertThat(requests.idTokenAtClient(back, sent).getSubject()).isEqualTo(other.getId());
    }

    @Test
    void promptCreateGoesToRegistrationAndAfterConfirmationAndSignInBackIntoTheFlow() throws Exception {
        Sent sent = requests.request("openid", request -> request.customParameter("prompt", "create"));

        Page form = open(browser, sent);
        assertThat(form.uri().getPath()).isEqualTo("/account/register");
        String name = "created-" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.org";
        browser.follow(browser.submit(
                form, RegistrationTests.FORM, RegistrationTests.fields(name, email, TestUsers.PASSWORD)));
        String link = TestMailServer.awaitMail(email).link("/account/confirm-email?token=");
        Page confirmPage = browser.navigate(link);
        Page confirmed = browser.follow(browser.submit(
                confirmPage, "form[action$=/account/confirm-email]", Map.of("password", TestUsers.PASSWORD)));
        assertThat(confirmed.document().selectFirst("h1").text()).isEqualTo("Email address confirmed");
        Page login = browser.navigate("/login");
        Page back = signIn(browser, login, name, TestUsers.PASSWORD);

        JWTClaimsSet idToken = requests.idTokenAtClient(back, sent);
        assertThat(idToken.getSubject()).isNotEqualTo(user.getId()).isNotBlank();
    }

    @Test
    void aPushedRequestWithPromptNoneAnswersAVisitorLoginRequiredWithoutShowingAPage() throws Exception {
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.NONE));

        Page answer = browser.follow(browser.get(push(sent)));

        assertThat(requests.errorAtClient(answer, sent).getCode()).isEqualTo("login_required");
    }

    @Test
    void aPushedRequestWithPromptLoginAsksASignedInUserToSignInAgain() throws Exception {
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.LOGIN));

        Page login = browser.follow(browser.get(push(sent)));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        Page back = signIn(browser, login, user.getUserName(), TestUsers.PASSWORD);

        assertThat(requests.idTokenAtClient(back, sent).getSubject()).isEqualTo(user.getId());
    }

    @Test
    void aRequestUriSentToAnotherEndpointIsNotReadAsAPushedRequest() {
        Sent sent = requests.request("openid", request -> request.prompt(Prompt.Type.NONE));
        String authorize = push(sent);
        String requestUri = authorize.substring(authorize.indexOf("request_uri=") + "request_uri=".length());

        Page token = browser.post(
                "/oauth2/token",
                List.of(Map.entry("client_id", OidcClient.INTERACTIVE), Map.entry("request_uri", requestUri)));

        assertThat(String.valueOf(token.location()))
                .as("the token endpoint's own answer, not an authorization response")
                .doesNotStartWith(OidcClient.REDIRECT_URI.toString())
                .doesNotContain("login_required");
    }

    /**
     * Stores the request as the framework's pushed authorization request endpoint (RFC 9126) does, and returns the
     * authorization request that names it by {@code request_uri}.
     */
    private String push(Sent sent) {
        RegisteredClient client = clients.findByClientId(OidcClient.INTERACTIVE);
        Map<String, Object> additional = new HashMap<>();
        sent.request().toParameters().forEach((name, values) -> additional.put(name, values.get(0)));
        List.of("response_type", "client_id", "redirect_uri", "scope", "state").forEach(additional::remove);
        OAuth2AuthorizationRequest pushed = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(server.issuer() + "/oauth2/authorize")
                .clientId(OidcClient.INTERACTIVE)
                .redirectUri(OidcClient.REDIRECT_URI.toString())
                .scopes(Set.copyOf(sent.request().getScope().toStringList()))
                .state(sent.state().getValue())
                .additionalParameters(additional)
                .build();
        String state =
                UUID.randomUUID() + "___" + Instant.now().plusSeconds(300).toEpochMilli();
        authorizations.save(OAuth2Authorization.withRegisteredClient(client)
                .principalName(OidcClient.INTERACTIVE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2AuthorizationRequest.class.getName(), pushed)
                .attribute("state", state)
                .build());
        return server.issuer() + "/oauth2/authorize?client_id=" + OidcClient.INTERACTIVE
                + "&request_uri=urn:ietf:params:oauth:request_uri:" + state;
    }
}
