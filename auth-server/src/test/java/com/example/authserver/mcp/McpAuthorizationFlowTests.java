package com.example.authserver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.mcp.McpServerTestBeans.RunningMcpServer;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientAuthorizationErrorHandler;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MCP client through the whole MCP authorization flow against this server: the call, the 401, the resource
 * metadata (RFC 9728), the authorization server metadata (RFC 8414), the client's registration (by client ID metadata
 * document), the authorization code with PKCE and {@code resource} (RFC 8707) as a user signs in and consents, the
 * tool call with the token; and a token for another audience refused. The MCP Java SDK's client makes the MCP calls and hands the 401 to the flow (its
 * authorization error handler), then sends the call again with the token; the OAuth steps are the Nimbus SDK's, one
 * small method each.
 */
@McpServerTest
class McpAuthorizationFlowTests {

    /** The development API resource {@code api} (clients/Clients): another audience than the MCP server. */
    static final URI OTHER_API = URI.create("http://127.0.0.1:8081/");

    @Autowired
    TestServer server;

    @Autowired
    RunningMcpServer mcpServer;

    @Autowired
    TestUsers testUsers;

    /** The MCP client's client ID metadata document: a public client allowed what registered clients may have. */
    static ClientDocument clientDocument;

    McpCalls mcp;

    URI resource;

    ApplicationUser user;

    @BeforeAll
    static void publishTheClientDocument() {
        clientDocument = new ClientDocument("openid mcp:tools");
    }

    @AfterAll
    static void stopTheClientDocument() {
        clientDocument.close();
    }

    @BeforeEach
    void setUp() {
        resource = URI.create(mcpServer.requiredResourceUri());
        mcp = new McpCalls(resource.toString());
        user = testUsers.create("mcp");
    }

    @Test
    void anMcpClientRegisteredByItsDocumentGoesFromA401ToAToolCall() throws Exception {
        fromA401ToAToolCall(this::register);
    }

    @Test
    void anMcpClientRegisteredDynamicallyGoesFromA401ToAToolCall() throws Exception {
        fromA401ToAToolCall(this::registerDynamically);
    }

    /** The whole flow, the client registering itself by {@code registration} on the way (step 4). */
    private void fromA401ToAToolCall(Registration registration) throws Exception {
        AtomicReference<String> clientId = new AtomicReference<>();
        AtomicReference<String> accessToken = new AtomicReference<>();
        List<Integer> challenges = new ArrayList<>();
        McpHttpClientAuthorizationErrorHandler authorizeOnChallenge =
                McpHttpClientAuthorizationErrorHandler.fromSync((response, context) -> {
                    challenges.add(response.statusCode());
                    if (accessToken.get() != null) {
                        return false; // authorized once already: the server refuses the token
                    }
                    String challenge =
                            response.headers().firstValue("WWW-Authenticate").orElseThrow();
                    try {
                        accessToken.set(authorize(challenge, resource, "mcp:tools", registration, clientId));
                    } catch (Exception ex) {
                        throw new IllegalStateException("The authorization failed", ex);
                    }
                    return true; // the SDK sends the call again, now with the token
                });

        try (McpSyncClient client = mcp.client(accessToken::get, authorizeOnChallenge)) {
            client.initialize();
            CallToolResult result = client.callTool(new CallToolRequest(McpEndpoint.WHOAMI, Map.of()));

            assertThat(((TextContent) result.content().get(0)).text())
                    .isEqualTo("sub=" + user.getId() + " client_id=" + clientId.get());
        }
        assertThat(challenges).containsExactly(401);
        SignedJWT token = SignedJWT.parse(accessToken.get());
        assertThat(token.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(resource.toString());
    }

    @Test
    void aTokenForTheMcpServerWithoutItsScopeGets403NamingTheScope() throws Exception {
        String challenge = firstChallenge();
        // the user's token for this MCP server, but for sign-in only: audience right, scope missing
        String token = authorize(challenge, "openid");

        HttpResponse<String> response = mcp.initializeOverHttp(token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(McpCalls.challengeParameters(response))
                .containsEntry("error", "insufficient_scope")
                .containsEntry("scope", "mcp:tools");
    }

    @Test
    void theClientFindsTheAuthorizationServerFromThe401() throws Exception {
        Map<String, String> challenge = McpCalls.challengeParameters(firstChallenge());

        ResourceMetadata metadata = resourceMetadata(challenge.get("resource_metadata"));
        AuthorizationServerMetadata authorizationServer = authorizationServerMetadata(metadata);

        assertThat(metadata.scopes()).containsExactly("mcp:tools");
        assertThat(authorizationServer.getIssuer().getValue()).isEqualTo(server.issuer());
        assertThat(authorizationServer.getScopes().toStringList()).contains("mcp:tools");
        assertThat(authorizationServer.getCustomParameters())
                .containsEntry("client_id_metadata_document_supported", true);
        assertThat(authorizationServer.getRegistrationEndpointURI())
                .as("registration_endpoint")
                .isNotNull();
    }

    @Test
    void aTokenForAnotherApiIsRefused() throws Exception {
        String challenge = firstChallenge();
        // the same user and client, but a token for the development API
        // (the development client interactive: a client registered by its document may not ask for scope2)
        String token = authorize(challenge, OTHER_API, "scope2", interactive());

        HttpResponse<String> response = mcp.initializeOverHttp(token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(McpCalls.challengeParameters(response)).containsEntry("error", "invalid_token");
    }

    @Test
    void anIdTokenIsRefused() throws Exception {
        AuthorizationServerMetadata authorizationServer = authorizationServerMetadata(
                resourceMetadata(McpCalls.challengeParameters(firstChallenge()).get("resource_metadata")));
        RegisteredClient client = register(authorizationServer);
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code =
                authorizationCode(authorizationServer, client, resource, Scope.parse("openid mcp:tools"), verifier);
        OIDCTokenResponse tokens =
                (OIDCTokenResponse) tokenResponse(authorizationServer, client, code, verifier, resource);

        HttpResponse<String> response =
                mcp.initializeOverHttp(tokens.getOIDCTokens().getIDToken().serialize());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(McpCalls.challengeParameters(response)).containsEntry("error", "invalid_token");
    }

    /** Step 1: the MCP client's first call, without a token. Returns the challenge. */
    private String firstChallenge() throws Exception {
        HttpResponse<String> response = mcp.initializeOverHttp(null);
        assertThat(response.statusCode()).isEqualTo(401);
        return response.headers().firstValue("WWW-Authenticate").orElseThrow();
    }

    /** Steps 2 to 6 for this MCP server: from its challenge to an access token for {@code scopes}. */
    private String authorize(String challenge, String scopes) throws Exception {
        return authorize(challenge, resource, scopes, null);
    }

    /** Steps 2 to 6, the client registering by {@code registration}; its id goes to {@code clientId}. */
    private String authorize(
            String challenge, URI target, String scopes, Registration registration, AtomicReference<String> clientId)
            throws Exception {
        ResourceMetadata metadata =
                resourceMetadata(McpCalls.challengeParameters(challenge).get("resource_metadata"));
        RegisteredClient client = registration.register(authorizationServerMetadata(metadata));
        clientId.set(client.id().getValue());
        return authorize(challenge, target, scopes, client);
    }

    /**
     * Steps 2 to 6, for {@code target} (RFC 8707 {@code resource}): the user signs in and consents. The client is
     * {@code registered}, or registers itself (step 4) when null.
     */
    private String authorize(String challenge, URI target, String scopes, RegisteredClient registered)
            throws Exception {
        ResourceMetadata metadata =
                resourceMetadata(McpCalls.challengeParameters(challenge).get("resource_metadata"));
        AuthorizationServerMetadata authorizationServer = authorizationServerMetadata(metadata);
        RegisteredClient client = registered != null ? registered : register(authorizationServer);
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorizationCode(authorizationServer, client, target, Scope.parse(scopes), verifier);
        TokenResponse response = tokenResponse(authorizationServer, client, code, verifier, target);
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    /** What the MCP server says of itself (RFC 9728). */
    record ResourceMetadata(String resource, List<String> authorizationServers, List<String> scopes) {}

    /**
     * Step 2: the resource metadata the challenge names. RFC 9728 section 3.3: the resource it describes must be the
     * one the client called, or the client must not use it (someone else's metadata).
     */
    @SuppressWarnings("unchecked")
    private ResourceMetadata resourceMetadata(String url) throws Exception {
        assertThat(url).as("resource_metadata of the challenge").isNotNull();
        Map<String, Object> metadata = mcp.json(url);
        ResourceMetadata described = new ResourceMetadata(
                (String) metadata.get("resource"), (List<String>) metadata.get("authorization_servers"), (List<String>)
                        metadata.get("scopes_supported"));
        assertThat(described.resource()).isEqualTo(resource.toString());
        assertThat(described.authorizationServers()).isNotEmpty();
        return described;
    }

    /**
     * Step 3: the authorization server's metadata (RFC 8414), at /.well-known/oauth-authorization-server of the issuer
     * the resource names; Nimbus checks that it names the same issuer. MCP clients refuse a server without PKCE S256.
     */
    private AuthorizationServerMetadata authorizationServerMetadata(ResourceMetadata resource) throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(
                new Issuer(resource.authorizationServers().get(0)));
        assertThat(metadata.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
        assertThat(metadata.getResponseTypes()).contains(ResponseType.CODE);
        return metadata;
    }

    /** The client as registered: its id, its secret (null for a public client) and its redirect URI. */
    record RegisteredClient(ClientID id, Secret secret, URI redirectUri) {}

    /** Step 4, one way or another. */
    interface Registration {
        RegisteredClient register(AuthorizationServerMetadata authorizationServer) throws Exception;
    }

    /**
     * Step 4 by dynamic registration (RFC 7591, open to public clients in development): the client sends its metadata
     * to the registration endpoint the authorization server metadata names, and gets its id.
     */
    @SuppressWarnings("unchecked")
    private RegisteredClient registerDynamically(AuthorizationServerMetadata authorizationServer) throws Exception {
        URI endpoint = authorizationServer.getRegistrationEndpointURI();
        assertThat(endpoint).as("registration_endpoint").isNotNull();
        // a loopback redirect URI, as a native MCP client has (the test's browser stops there)
        URI redirectUri = URI.create("http://127.0.0.1:" + mcpServer.port() + "/callback");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"client_name": "MCP test agent", "redirect_uris": ["%s"],
                                         "grant_types": ["authorization_code"], "response_types": ["code"],
                                         "token_endpoint_auth_method": "none", "scope": "mcp:tools"}""".formatted(redirectUri)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<String, Object> registered = JsonMapper.builder().build().readValue(response.body(), Map.class);
        return new RegisteredClient(new ClientID((String) registered.get("client_id")), null, redirectUri);
    }

    /**
     * Step 4: registration, by client ID metadata document (what the MCP specification prefers): the client's id is
     * the URL of its document, which the server reads when the authorization request names it; nothing to send
     * beforehand. Or by dynamic registration ({@link #registerDynamically}). The steps after this one take any client.
     */
    private RegisteredClient register(AuthorizationServerMetadata authorizationServer) {
        assertThat(authorizationServer.getCustomParameters())
                .containsEntry("client_id_metadata_document_supported", true);
        return new RegisteredClient(
                new ClientID(clientDocument.clientId()), null, URI.create(clientDocument.redirectUri()));
    }

    /** The development client {@code interactive} (confidential): for what registered clients may not ask. */
    private static RegisteredClient interactive() {
        return new RegisteredClient(
                new ClientID(OidcClient.INTERACTIVE),
                new Secret(OidcClient.INTERACTIVE_SECRET),
                OidcClient.REDIRECT_URI);
    }

    /**
     * Step 5: the authorization code, with PKCE (S256) and the resource (RFC 8707), as the user signs in and allows
     * the scopes on the consent page.
     */
    private AuthorizationCode authorizationCode(
            AuthorizationServerMetadata authorizationServer,
            RegisteredClient client,
            URI target,
            Scope scopes,
            CodeVerifier verifier)
            throws Exception {
        State state = new State();
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, client.id())
                .redirectionURI(client.redirectUri())
                .scope(scopes)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .resource(target)
                .endpointURI(authorizationServer.getAuthorizationEndpointURI())
                .build();
        Authorization authorization = new Authorization(request.toURI(), state, null, verifier);
        Browser browser = server.browser();
        Page page = SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);
        if (page.uri().getPath().equals("/oauth2/consent")) {
            page = browser.follow(browser.submit(page, "#consent-allow", Map.of()));
        }
        assertThat(page.uri().toString())
                .as("redirect to the client, got: %s", page.body())
                .startsWith(client.redirectUri().toString());
        AuthorizationResponse response = AuthorizationResponse.parse(page.uri());
        assertThat(response.indicatesSuccess()).as("%s", page.uri()).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        return response.toSuccessResponse().getAuthorizationCode();
    }

    /** Step 6: the code for tokens, at the metadata's token endpoint, naming the resource again (RFC 8707). */
    private TokenResponse tokenResponse(
            AuthorizationServerMetadata authorizationServer,
            RegisteredClient client,
            AuthorizationCode code,
            CodeVerifier verifier,
            URI target)
            throws Exception {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, client.redirectUri(), verifier);
        URI endpoint = authorizationServer.getTokenEndpointURI();
        TokenRequest request = (client.secret() == null
                        ? new TokenRequest.Builder(endpoint, client.id(), grant)
                        : new TokenRequest.Builder(
                                endpoint, new ClientSecretBasic(client.id(), client.secret()), grant))
                .resource(target)
                .build();
        TokenResponse response =
                OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess())
                .as(
                        "token response: %s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        assertThat(response.toSuccessResponse()).isInstanceOf(AccessTokenResponse.class);
        return response;
    }
}
