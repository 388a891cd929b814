package com.example.authserver.requests;

import static com.example.authserver.requests.RequestObjectTests.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushed authorization requests (RFC 9126) with the Nimbus SDK as the client: the development client {@code par.client}
 * that must push, {@code interactive} that may; what happens to pushed requests used twice, late, or by another client.
 */
@ServerTest
class PushedAuthorizationRequestTests {

    static final ClientID PAR_CLIENT = new ClientID("par.client");

    static final Secret PAR_SECRET = new Secret("C3D2E1F0-A9B8-4C7D-8E6F-5A4B3C2D1E0F");

    static final URI PAR_REDIRECT_URI = URI.create("http://127.0.0.1:8080/login/oauth2/code/par");

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    /** One request the client pushed, and what it keeps to check and redeem the answer. */
    record Pushed(URI requestUri, State state, Nonce nonce, CodeVerifier verifier) {}

    @Test
    void theParClientSignsAUserInThroughAPushedRequest() throws Exception {
        Pushed pushed = push(PAR_CLIENT, new ClientSecretBasic(PAR_CLIENT, PAR_SECRET), PAR_REDIRECT_URI, b -> {});
        Browser browser = server.browser();

        Browser.Page consent = signIn(browser, authorizeUri(PAR_CLIENT, pushed.requestUri()));
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        Browser.Page redirect = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));

        assertThat(redirect.uri().toString()).startsWith(PAR_REDIRECT_URI.toString());
        Map<String, String> response = query(redirect.uri());
        assertThat(response).containsEntry("state", pushed.state().getValue()).containsEntry("iss", server.issuer());
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(
                        URI.create(server.issuer() + "/oauth2/token"),
                        new ClientSecretBasic(PAR_CLIENT, PAR_SECRET),
                        new AuthorizationCodeGrant(
                                new AuthorizationCode(response.get("code")), PAR_REDIRECT_URI, pushed.verifier()))
                .toHTTPRequest()
                .send());
        assertThat(tokens.indicatesSuccess()).isTrue();
        assertThat(((OIDCTokenResponse) tokens.toSuccessResponse())
                        .getOIDCTokens()
                        .getIDToken()
                        .getJWTClaimsSet()
                        .getStringClaim("nonce"))
                .isEqualTo(pushed.nonce().getValue());
    }

    @Test
    void aPlainRequestOfTheParClientIsRefused() {
        String plain = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse("openid profile"), PAR_CLIENT, PAR_REDIRECT_URI)
                .state(new State("plain"))
                .nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI()
                .toString();

        Browser.Page answer = server.browser().get(plain);

        assertThat(answer.location()).startsWith(PAR_REDIRECT_URI.toString());
        assertThat(query(URI.create(answer.location())))
                .containsEntry("error", "invalid_request")
                .containsEntry("state", "plain")
                .hasEntrySatisfying(
                        "error_description",
                        description -> assertThat(description).contains("pushed authorization requests"));
    }

    @Test
    void everyClientMayPushAndTheFormPostResponseModeIsKept() throws Exception {
        ClientID interactive = new ClientID(OidcClient.INTERACTIVE);
        Pushed pushed = push(
                interactive,
                new ClientSecretPost(interactive, new Secret(OidcClient.INTERACTIVE_SECRET)),
                OidcClient.REDIRECT_URI,
                request -> request.responseMode(ResponseMode.FORM_POST));
        Browser browser = server.browser();

        Browser.Page consent = signIn(browser, authorizeUri(interactive, pushed.requestUri()));
        Browser.Page response = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.document().selectFirst("form").attr("action"))
                .isEqualTo(OidcClient.REDIRECT_URI.toString());
        assertThat(response.document().select("input[name=state]").val())
                .isEqualTo(pushed.state().getValue());
    }

    @Test
    void theClientSecretIsNotKeptWithThePushedRequest() throws Exception {
        Pushed pushed = push(PAR_CLIENT, new ClientSecretPost(PAR_CLIENT, PAR_SECRET), PAR_REDIRECT_URI, b -> {});

        OAuth2Authorization stored = authorizations.findByToken(
                pushed.requestUri().toString().substring("urn:ietf:params:oauth:request_uri:".length()),
                new OAuth2TokenType("state"));

        OAuth2AuthorizationRequest request = stored.getAttribute(OAuth2AuthorizationRequest.class.getName());
        assertThat(request.getAdditionalParameters()).doesNotContainKey("client_secret");
        assertThat(request.getState()).isEqualTo(pushed.state().getValue());
    }

    @Test
    void aPushedRequestIsUsedOnce() throws Exception {
        Pushed pushed = push(PAR_CLIENT, new ClientSecretBasic(PAR_CLIENT, PAR_SECRET), PAR_REDIRECT_URI, b -> {});
        Browser browser = server.browser();
        Browser.Page consent = signIn(browser, authorizeUri(PAR_CLIENT, pushed.requestUri()));
        browser.follow(browser.submit(consent, "#consent-allow", Map.of()));

        Browser.Page again = browser.get(authorizeUri(PAR_CLIENT, pushed.requestUri()));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.location()).isNull();
    }

    @Test
    void anotherClientCannotUseAPushedRequest() throws Exception {
        Pushed pushed = push(PAR_CLIENT, new ClientSecretBasic(PAR_CLIENT, PAR_SECRET), PAR_REDIRECT_URI, b -> {});

        Browser.Page answer =
                server.browser().get(authorizeUri(new ClientID(OidcClient.INTERACTIVE), pushed.requestUri()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.location()).isNull();
    }

    @Test
    void anExpiredPushedRequestIsRefused() {
        RegisteredClient parClient = clients.findByClientId(PAR_CLIENT.getValue());
        String state =
                "expired-pushed-request___" + Instant.now().minusSeconds(1).toEpochMilli();
        authorizations.save(OAuth2Authorization.withRegisteredClient(parClient)
                .principalName(parClient.getClientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(
                        OAuth2AuthorizationRequest.class.getName(),
                        OAuth2AuthorizationRequest.authorizationCode()
                                .authorizationUri(server.issuer() + "/oauth2/par")
                                .clientId(parClient.getClientId())
                                .redirectUri(PAR_REDIRECT_URI.toString())
                                .scope("openid")
                                .state("s")
                                .build())
                .attribute("state", state)
                .build());

        Browser.Page answer = server.browser()
                .get(authorizeUri(PAR_CLIENT, URI.create("urn:ietf:params:oauth:request_uri:" + state)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(authorizations.findByToken(state, new OAuth2TokenType("state")))
                .as("removed")
                .isNull();
    }

    @Test
    void aPushedRequestIsCheckedAsAnAuthorizationRequest() throws Exception {
        HTTPResponseLike answer = pushRaw(
                new ClientSecretBasic(PAR_CLIENT, PAR_SECRET),
                new AuthenticationRequest.Builder(
                                ResponseType.CODE,
                                Scope.parse("openid profile"),
                                PAR_CLIENT,
                                URI.create("http://127.0.0.1:9999/login/oauth2/code/par"))
                        .nonce(new Nonce())
                        .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                        .build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void discoveryNamesTheEndpointAndTheRequestObjectAlgorithms() throws Exception {
        for (String document :
                new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            JsonNode metadata = JsonMapper.builder()
                    .build()
                    .readTree(server.browser().get(document).body());

            assertThat(metadata.path("pushed_authorization_request_endpoint").asString())
                    .isEqualTo(server.issuer() + "/oauth2/par");
            assertThat(metadata.path("require_pushed_authorization_requests").asBoolean(true))
                    .isFalse();
            assertThat(metadata.path("request_parameter_supported").asBoolean()).isTrue();
            assertThat(metadata.path("request_uri_parameter_supported").asBoolean(true))
                    .isFalse();
            assertThat(metadata.path("request_object_signing_alg_values_supported")
                            .valueStream()
                            .map(JsonNode::asString))
                    .containsExactly("RS256", "PS256", "ES256");
            assertThat(metadata.path("response_modes_supported").valueStream().map(JsonNode::asString))
                    .containsExactly("query", "form_post");
        }
    }

    private Pushed push(
            ClientID clientId,
            ClientAuthentication authentication,
            URI redirectUri,
            Consumer<AuthenticationRequest.Builder> changes)
            throws Exception {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse("openid profile"), clientId, redirectUri)
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        changes.accept(request);
        PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(
                        URI.create(server.issuer() + "/oauth2/par"), authentication, request.build())
                .toHTTPRequest()
                .send());
        assertThat(response.indicatesSuccess())
                .as(
                        "pushed: %s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        URI requestUri = response.toSuccessResponse().getRequestURI();
        assertThat(requestUri.toString()).startsWith("urn:ietf:params:oauth:request_uri:");
        return new Pushed(requestUri, state, nonce, verifier);
    }

    record HTTPResponseLike(int status, JsonNode json) {}

    private HTTPResponseLike pushRaw(ClientAuthentication authentication, AuthorizationRequest request)
            throws Exception {
        var response = new PushedAuthorizationRequest(
                        URI.create(server.issuer() + "/oauth2/par"), authentication, request)
                .toHTTPRequest()
                .send();
        return new HTTPResponseLike(
                response.getStatusCode(), JsonMapper.builder().build().readTree(response.getBody()));
    }

    private String authorizeUri(ClientID clientId, URI requestUri) {
        return new AuthorizationRequest.Builder(requestUri, clientId)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI()
                .toString();
    }

    private Browser.Page signIn(Browser browser, String authorizationUri) {
        Browser.Page login = browser.follow(browser.get(authorizationUri));
        assertThat(login.uri().getPath()).as("sign-in page: %s", login.body()).isEqualTo("/login");
        return browser.signIn(login, users.create("par").getUserName(), TestUsers.PASSWORD);
    }
}
