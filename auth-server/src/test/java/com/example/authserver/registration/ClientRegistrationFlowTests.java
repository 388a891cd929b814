package com.example.authserver.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientDeleteRequest;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientReadRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.client.ClientUpdateRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registered clients at work, through the Nimbus SDK: a public client registers openly, signs a user in with the
 * authorization code flow and PKCE, then reads, updates and deletes its registration (RFC 7592); a confidential client
 * registers with an initial access token an administrator issued, and an administrator lists and deletes it.
 */
@ServerTest
class ClientRegistrationFlowTests {

    static final URI CALLBACK = URI.create("http://127.0.0.1:49152/callback");

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InitialTokenCommand command;

    @Test
    void bothDiscoveryDocumentsNameTheRegistrationEndpoint() {
        Browser browser = server.browser();
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            Map<?, ?> metadata = Registrar.JSON.readValue(browser.get(document).body(), Map.class);

            assertThat(metadata.get("registration_endpoint"))
                    .as(document)
                    .isEqualTo(server.issuer() + "/oauth2/register");
        }
    }

    @Test
    void aPublicClientRegistersSignsAUserInWithPkceAndManagesItsRegistration() throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Tool-calling agent");
        metadata.setRedirectionURI(CALLBACK);
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        metadata.setScope(Scope.parse("openid profile mcp:tools"));
        ClientInformation client = registered(new ClientRegistrationRequest(endpoint(), metadata, null)
                .toHTTPRequest()
                .send());
        assertThat(client.getSecret()).isNull();

        ApplicationUser user = testUsers.create("agent-user");
        Browser browser = server.browser();
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse("openid mcp:tools"), client.getID(), CALLBACK)
                .state(state)
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI();
        Page login = browser.navigate(authorize.toString());
        Page consent = browser.follow(browser.submit(
                login, "form[action$=/login]", Map.of("username", user.getUserName(), "password", TestUsers.PASSWORD)));
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        String warning = consent.document().select("#self-registered").text();
        assertThat(warning).contains("Tool-calling agent", "registered itself", "127.0.0.1:49152");

        Page redirect = browser.follow(browser.submit(consent, "#consent-allow", Map.of()));
        AuthorizationResponse response = AuthorizationResponse.parse(redirect.uri());
        assertThat(response.indicatesSuccess()).as(redirect.uri().toString()).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        TokenResponse withoutVerifier = token(client, new AuthorizationCodeGrant(code, CALLBACK));
        assertThat(withoutVerifier.indicatesSuccess()).as("PKCE is required").isFalse();
        // the failed attempt spent the code: a new authorization
        verifier = new CodeVerifier();
        Page again = browser.follow(browser.get(new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse("openid mcp:tools"), client.getID(), CALLBACK)
                .state(state)
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI()
                .toString()));
        assertThat(again.uri().getPath())
                .as("asked again: it registered itself")
                .isEqualTo("/oauth2/consent");
        code = AuthorizationResponse.parse(browser.follow(browser.submit(again, "#consent-allow", Map.of()))
                        .uri())
                .toSuccessResponse()
                .getAuthorizationCode();
        TokenResponse tokens = token(client, new AuthorizationCodeGrant(code, CALLBACK, verifier));
        assertThat(tokens.indicatesSuccess())
                .as(
                        "%s",
                        tokens.indicatesSuccess()
                                ? ""
                                : tokens.toErrorResponse().getErrorObject())
                .isTrue();
        OIDCTokenResponse success = (OIDCTokenResponse) tokens.toSuccessResponse();
        assertThat(success.getTokens().getAccessToken().getScope().toStringList())
                .contains("mcp:tools");

        BearerAccessToken registrationToken = client.getRegistrationAccessToken();
        ClientInformationResponse read = ClientRegistrationResponse.parse(
                        new ClientReadRequest(client.getRegistrationURI(), registrationToken)
                                .toHTTPRequest()
                                .send())
                .toSuccessResponse();
        assertThat(read.getClientInformation().getMetadata().getName()).isEqualTo("Tool-calling agent");

        ClientMetadata renamed = new ClientMetadata(client.getMetadata());
        renamed.setName("Renamed agent");
        renamed.setScope(Scope.parse("openid mcp:tools"));
        ClientInformation updated = registered(
                new ClientUpdateRequest(client.getRegistrationURI(), client.getID(), registrationToken, renamed, null)
                        .toHTTPRequest()
                        .send());
        assertThat(updated.getMetadata().getName()).isEqualTo("Renamed agent");
        assertThat(updated.getRegistrationAccessToken()).isNotEqualTo(registrationToken);

        HTTPResponse deleted = new ClientDeleteRequest(
                        client.getRegistrationURI(), updated.getRegistrationAccessToken())
                .toHTTPRequest()
                .send();
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        Page afterDeletion = browser.get(authorize.toString());
        assertThat(afterDeletion.status())
                .as("a deleted client cannot ask users anymore")
                .isEqualTo(400);
        assertThat(new ClientReadRequest(client.getRegistrationURI(), updated.getRegistrationAccessToken())
                        .toHTTPRequest()
                        .send()
                        .getStatusCode())
                .isEqualTo(401);
    }

    /**
     * Nobody vouched for a client that registered itself, and it may change its redirect URIs later: the user sees
     * the consent page (and its warning) every time, even for openid alone and after allowing it once.
     */
    @Test
    void aSelfRegisteredClientAskingOnlyForOpenidStillShowsTheConsentPageEveryTime() throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Quiet agent");
        metadata.setRedirectionURI(CALLBACK);
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        metadata.setScope(Scope.parse("openid"));
        ClientInformation client = registered(new ClientRegistrationRequest(endpoint(), metadata, null)
                .toHTTPRequest()
                .send());
        ApplicationUser user = testUsers.create("quiet-agent-user");
        Browser browser = server.browser();

        for (int attempt = 1; attempt <= 2; attempt++) {
            URI authorize = new AuthenticationRequest.Builder(
                            ResponseType.CODE, Scope.parse("openid"), client.getID(), CALLBACK)
                    .state(new State())
                    .nonce(new Nonce())
                    .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                    .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                    .build()
                    .toURI();
            Page page = browser.navigate(authorize.toString());
            if (page.uri().getPath().equals("/login")) {
                page = browser.follow(browser.submit(
                        page,
                        "form[action$=/login]",
                        Map.of("username", user.getUserName(), "password", TestUsers.PASSWORD)));
            }
            assertThat(page.uri().getPath()).as("attempt %d", attempt).isEqualTo("/oauth2/consent");
            assertThat(page.document().select("#self-registered").text()).contains("registered itself");
            Page back = browser.follow(browser.submit(page, "#consent-allow", Map.of()));
            assertThat(AuthorizationResponse.parse(back.uri()).indicatesSuccess())
                    .isTrue();
        }
    }

    @Test
    void anAdministratorIssuesAnInitialTokenWithWhichAConfidentialClientRegistersAndIsListedAndDeleted()
            throws Exception {
        Browser admin = signedInAdministrator();
        Page issued = admin.api(
                "POST",
                "/admin/registration/initial-tokens",
                "{\"description\": \"Partner backend\", \"uses\": 1, \"scopes\": [\"scope1\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String initialToken =
                (String) Registrar.JSON.readValue(issued.body(), Map.class).get("initial_access_token");

        ClientMetadata metadata = new ClientMetadata();
        metadata.setName("Partner backend");
        metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        metadata.setScope(Scope.parse("scope1"));
        ClientInformation client =
                registered(new ClientRegistrationRequest(endpoint(), metadata, new BearerAccessToken(initialToken))
                        .toHTTPRequest()
                        .send());
        OidcClient backend =
                server.client(client.getID().getValue(), client.getSecret().getValue());
        assertThat(backend.clientCredentials("scope1").indicatesSuccess()).isTrue();

        Page listed = admin.api("GET", "/admin/registration/clients", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(client.getID().getValue(), "Partner backend");

        assertThat(admin.api("POST", "/admin/registration/initial-tokens", "{\"scopes\": [\"scope1 scope2\"]}")
                        .status())
                .as("a scope with a space would become two")
                .isEqualTo(400);
        assertThat(admin.api("POST", "/admin/registration/initial-tokens", "{\"scopes\": [\"admin\"]}")
                        .body())
                .as("a client that registers itself never administers the server")
                .contains("invalid_scope");
        assertThat(admin.api("POST", "/admin/registration/initial-tokens", "{\"scopes\": [\"scim\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.api("POST", "/admin/registration/initial-tokens", "{\"uses\": 0}")
                        .status())
                .isEqualTo(400);

        assertThat(admin.api("DELETE", "/admin/registration/clients/" + client.getID(), null)
                        .status())
                .isEqualTo(204);
        assertThat(backend.clientCredentials("scope1").indicatesSuccess()).isFalse();
        assertThat(admin.api("DELETE", "/admin/registration/clients/interactive", null)
                        .status())
                .as("only registered clients can be deleted here")
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsMayUseTheAdminApi() {
        ApplicationUser user = testUsers.create("not-admin");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        assertThat(browser.api("POST", "/admin/registration/initial-tokens", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(browser.api("GET", "/admin/registration/clients", null).status())
                .isEqualTo(403);
        assertThat(server.browser()
                        .api("POST", "/admin/registration/initial-tokens", "{}")
                        .status())
                .isNotEqualTo(201)
                .isNotEqualTo(200);
        assertThat(signedInAdministrator()
                        .api("POST", "/admin/registration/initial-tokens", null)
                        .status())
                .as("a form or empty body, as another site could send, is refused")
                .isIn(400, 415);
    }

    @Test
    void initialAndRegistrationTokensAreStoredOnlyAsHashes() {
        Page issued = signedInAdministrator()
                .api("POST", "/admin/registration/initial-tokens", "{\"uses\": 2, \"scopes\": [\"scope1\"]}");
        String initialToken =
                (String) Registrar.JSON.readValue(issued.body(), Map.class).get("initial_access_token");
        Registrar.Answer registered =
                new Registrar(server.port()).register(ClientRegistrationAttackTests.confidentialClient(), initialToken);
        String registrationToken = registered.string("registration_access_token");

        List<String> stored = jdbc.sql("select token_hash from registration_initial_token union all"
                        + " select access_token_hash from client_registration")
                .query(String.class)
                .list();
        assertThat(stored).doesNotContain(initialToken, registrationToken);
        assertThat(stored)
                .contains(RegistrationTokens.sha256(initialToken), RegistrationTokens.sha256(registrationToken));
        assertThat(jdbc.sql("select uses_left from registration_initial_token where token_hash = ?")
                        .param(RegistrationTokens.sha256(initialToken))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theCommandPrintsAnInitialTokenThatRegistersAClient() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        command.issue(
                new DefaultApplicationArguments("--" + InitialTokenCommand.OPTION + "=CLI partner", "--scopes=scope1"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        String token = lines[lines.length - 1].strip();

        Registrar.Answer answer =
                new Registrar(server.port()).register(ClientRegistrationAttackTests.confidentialClient(), token);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertThat(answer.string("client_secret")).isNotBlank();
    }

    private Browser signedInAdministrator() {
        roleManager.findOrCreate("ADMIN");
        ApplicationUser user = testUsers.create("admin");
        userManager.addToRole(user, "ADMIN");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        return browser;
    }

    private ClientInformation registered(HTTPResponse http) throws Exception {
        ClientRegistrationResponse response = ClientRegistrationResponse.parse(http);
        assertThat(response.indicatesSuccess())
                .as("%s %s", http.getStatusCode(), http.getBody())
                .isTrue();
        return ((ClientInformationResponse) response).getClientInformation();
    }

    private TokenResponse token(ClientInformation client, com.nimbusds.oauth2.sdk.AuthorizationGrant grant)
            throws Exception {
        return OIDCTokenResponseParser.parse(
                new TokenRequest(URI.create(server.issuer() + "/oauth2/token"), client.getID(), grant)
                        .toHTTPRequest()
                        .send());
    }

    private URI endpoint() {
        return URI.create(server.issuer() + RegistrationEndpoint.PATH);
    }
}
