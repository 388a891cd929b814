package com.example.authserver.metadatadocuments;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.metadatadocuments.DocumentServer.Answer;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A client known only by the URL of its metadata document, end to end: the client with the Nimbus SDK, the user with
 * the test browser, the document on a real HTTP server of the test (loopback http, allowed in development).
 */
@ServerTest
class MetadataDocumentFlowTests {

    static DocumentServer documents;

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    RegisteredClientRepository clients;

    ApplicationUser user;

    @BeforeAll
    static void start() {
        documents = new DocumentServer();
    }

    @AfterAll
    static void stop() {
        documents.close();
    }

    @BeforeEach
    void setUp() {
        user = users.create("cimd-user");
    }

    /** A client's document at a new URL: its redirect URI on the document server (the browser stops there). */
    static String publish(String name) {
        String url = documents.newUrl();
        documents.serve(url, Answer.json(document(url, url, redirectUri(url), name)));
        return url;
    }

    static String document(String url, String clientId, String redirectUri, String name) {
        return """
                {"client_id": "%s", "client_name": "%s", "redirect_uris": ["%s"],
                 "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"],
                 "token_endpoint_auth_method": "none", "scope": "openid profile mcp:tools"}""".formatted(clientId, name, redirectUri);
    }

    static String redirectUri(String url) {
        return URI.create(url).resolve("/callback").toString();
    }

    Authorization request(String clientId, String redirectUri, String scopes) {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(scopes), new ClientID(clientId), URI.create(redirectUri))
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build();
        return new Authorization(request.toURI(), state, nonce, verifier);
    }

    TokenResponse exchange(String clientId, AuthorizationCode code, String redirectUri, CodeVerifier verifier)
            throws Exception {
        TokenRequest request = new TokenRequest(
                URI.create(server.issuer() + "/oauth2/token"),
                new ClientID(clientId),
                new AuthorizationCodeGrant(code, URI.create(redirectUri), verifier));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    @Test
    void aClientKnownByItsDocumentSignsAUserInWithPkce() throws Exception {
        String url = publish("Research <b>Agent</b>");
        String redirectUri = redirectUri(url);
        Browser browser = server.browser();
        Authorization authorization = request(url, redirectUri, "openid profile mcp:tools");

        Page consent = SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        assertThat(consent.document().select("h1").text()).contains("Research <b>Agent</b>");
        assertThat(consent.body()).as("the name is escaped").doesNotContain("<b>Agent</b>");
        URI callback = URI.create(redirectUri);
        assertThat(consent.document().select(".client-host").text())
                .as("the document's host and where the client sends the user back to")
                .contains("127.0.0.1")
                .contains(callback.getHost() + ":" + callback.getPort());

        Page back = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));
        assertThat(back.uri().toString()).startsWith(redirectUri);
        AuthenticationResponse response = AuthenticationResponseParser.parse(back.uri());
        assertThat(response.indicatesSuccess()).as("%s", back.uri()).isTrue();
        assertThat(response.getState()).isEqualTo(authorization.state());

        TokenResponse tokens = exchange(
                url, response.toSuccessResponse().getAuthorizationCode(), redirectUri, authorization.verifier());
        assertThat(tokens.indicatesSuccess()).as("%s", tokens).isTrue();
        OIDCTokenResponse success = (OIDCTokenResponse) tokens.toSuccessResponse();
        JWTClaimsSet idToken = server.client(url, "unused")
                .validateIdToken(success.getOIDCTokens().getIDToken(), authorization.nonce());
        assertThat(idToken.getAudience()).containsExactly(url);
        assertThat(idToken.getSubject()).isEqualTo(user.getId());
        assertThat(success.getOIDCTokens().getAccessToken().getScope().toStringList())
                .contains("mcp:tools");
        assertThat(success.getOIDCTokens().getRefreshToken())
                .as("a public client's refresh token needs DPoP (dpop/ProofBoundRefreshTokens)")
                .isNull();

        assertThat(clients.findById(MetadataDocument.registeredClientId(url)))
                .as("stored once an authorization refers to it: found after a restart, on another instance")
                .isNotNull();

        Page again = browser.follow(
                browser.get(request(url, redirectUri, "openid").requestUri().toString()));
        assertThat(again.uri().getPath())
                .as("the consent page every time, even for openid alone and a remembered consent")
                .isEqualTo("/oauth2/consent");
    }

    @Test
    void aVisitorWhoOnlyNamesUrlsStoresNothing() {
        String url = publish("Agent");

        Page login = server.browser()
                .get(request(url, redirectUri(url), "openid").requestUri().toString());

        assertThat(login.location()).as("on to the sign-in page").endsWith("/login");
        assertThat(clients.findById(MetadataDocument.registeredClientId(url))).isNull();
    }

    @Test
    void theCodeIsNotGivenWithoutTheVerifier() throws Exception {
        String url = publish("Agent");
        Authorization authorization = request(url, redirectUri(url), "openid");
        Page consent =
                SignInFlow.startAndSignIn(server.browser(), authorization, user.getUserName(), TestUsers.PASSWORD);
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");

        Authorization withoutPkce = new Authorization(
                URI.create(authorization.requestUri().toString().replaceAll("&code_challenge[^&]*", "")),
                authorization.state(),
                authorization.nonce(),
                authorization.verifier());
        Page refused = server.browser().get(withoutPkce.requestUri().toString());
        assertThat(refused.location())
                .as("an error for the client, never a code")
                .doesNotContain("code=");
    }

    @Test
    void aDocumentNamingAnotherClientIsRefused() {
        String url = documents.newUrl();
        documents.serve(
                url, Answer.json(document(url, "https://trusted.example.com/client.json", redirectUri(url), "Fake")));

        assertRefusedWithoutRedirect(request(url, redirectUri(url), "openid"));
    }

    @Test
    void aRedirectUriTheDocumentDoesNotListIsRefused() {
        String url = publish("Agent");

        assertRefusedWithoutRedirect(request(url, "http://127.0.0.1:1/stolen", "openid"));
    }

    @Test
    void aDocumentClaimingASecretIsRefused() {
        String url = documents.newUrl();
        documents.serve(
                url,
                Answer.json(document(url, url, redirectUri(url), "Agent")
                        .replace("\"none\"", "\"client_secret_basic\", \"client_secret\": \"x\"")));

        assertRefusedWithoutRedirect(request(url, redirectUri(url), "openid"));
    }

    @Test
    void scopesBeyondThoseOpenToSuchClientsAreRefused() {
        String url = publish("Agent");

        Page page = server.browser()
                .get(request(url, redirectUri(url), "openid scope1")
                        .requestUri()
                        .toString());
        assertThat(page.location()).as("invalid_scope, to the client").contains("error=invalid_scope");
    }

    @Test
    void privateAddressesAndPlainHttpHostsAreRefused() {
        for (String url : new String[] {
            "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/client.json", "http://example.com/client.json"
        }) {
            assertRefusedWithoutRedirect(request(url, "http://127.0.0.1:1/callback", "openid"));
        }
    }

    @Test
    void aRedirectingDocumentIsRefused() {
        String real = publish("Agent");
        String url = documents.newUrl();
        documents.serve(url, new Answer(301, null, new byte[0], Map.of("Location", real), 0));

        assertRefusedWithoutRedirect(request(url, redirectUri(real), "openid"));
    }

    @Test
    void theTokenEndpointRefusesAClientWhoseDocumentIsGone() throws Exception {
        String url = documents.newUrl();

        TokenResponse response = exchange(url, new AuthorizationCode("x"), redirectUri(url), new CodeVerifier());

        assertThat(response.indicatesSuccess()).isFalse();
        TokenErrorResponse error = response.toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void bothDiscoveryDocumentsSayDocumentsAreSupported() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path :
                new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(server.issuer() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(body).as(path).contains("\"client_id_metadata_document_supported\":true");
        }
    }

    /** The draft: abort the request. The redirect URI is not trusted, so the user sees the error, never the client. */
    private void assertRefusedWithoutRedirect(Authorization authorization) {
        Page page = server.browser().get(authorization.requestUri().toString());
        assertThat(page.status())
                .as("%s: %s", authorization.requestUri(), page.body())
                .isEqualTo(400);
        assertThat(page.location()).isNull();
    }
}
