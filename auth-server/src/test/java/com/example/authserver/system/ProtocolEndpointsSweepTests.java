package com.example.authserver.system;

import static com.example.authserver.system.BadValues.text;
import static com.example.authserver.system.BadValues.textOr;
import static com.example.authserver.system.BadValues.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.ClientCallback;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.example.authserver.system.SweepSessions.Visit;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The OAuth 2.1 and OpenID Connect endpoints under a sweep of bad input ({@link Sweep}): malformed, oversized,
 * duplicated and wrongly encoded parameters, headers and bodies, with and without client authentication, from
 * strangers, visitors and a signed-in user. Never a server error or a stack trace; errors in the protocol's format.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolEndpointsSweepTests {

    static final String REDIRECT_URI = OidcClient.REDIRECT_URI.toString();

    static final String CONFIGURED_REDIRECT_URI = ClientCallback.redirectUri().toString();

    static final Set<String> REDIRECT_URIS = Set.of(REDIRECT_URI, CONFIGURED_REDIRECT_URI);

    static final String PAR_CLIENT = "par.client";

    static final String PAR_SECRET = "C3D2E1F0-A9B8-4C7D-8E6F-5A4B3C2D1E0F";

    static final String PAR_REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/par";

    static final String[] GRANT_TYPES = {
        "authorization_code",
        "refresh_token",
        "client_credentials",
        "urn:ietf:params:oauth:grant-type:device_code",
        "urn:openid:params:grant-type:ciba",
        "urn:ietf:params:oauth:grant-type:token-exchange",
        "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "urn:ietf:params:oauth:grant-type:saml2-bearer",
        "password",
        "implicit",
        "AUTHORIZATION_CODE",
        "client_credentials "
    };

    /** The token exchange client (exchange/TokenExchangeTests). */
    static final String EXCHANGE = "exchange.client";

    static final String EXCHANGE_SECRET = "4A5F0F5E-6F1B-4C1E-9E0B-7E1E2B4F3C2D";

    static final String[] TOKEN_TYPES = {
        "urn:ietf:params:oauth:token-type:access_token",
        "urn:ietf:params:oauth:token-type:jwt",
        "urn:ietf:params:oauth:token-type:id_token",
        "urn:ietf:params:oauth:token-type:refresh_token",
        "urn:ietf:params:oauth:token-type:saml2"
    };
    /** The public client of the device flow. */
    static final String DEVICE = "device";

    static final String[] SCOPES = {"openid", "scope1", "openid profile email scope2", "openid openid", "offline_access"
    };

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    Sweep sweep;

    String issuer;

    Gen<Visit> anyone;

    Visit signedIn;

    /** Valid tokens to exchange, now and then, so that the sweep reaches the token exchange checks. */
    Gen<String> exchangeTokens;

    /** A CIBA client of the sweep's own, so that its rate limit is not the development client's. */
    String cibaClient = "ciba-sweep";

    String cibaSecret = UUID.randomUUID().toString();

    String cibaUser;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    @BeforeAll
    void sessions() throws Exception {
        issuer = server.issuer();
        RawHttp http = new RawHttp(URI.create(issuer).getPort());
        sweep = new Sweep(http);
        SweepSessions sessions = new SweepSessions(http);
        ApplicationUser user = users.create("sweep-protocol");
        signedIn = sessions.signedIn(user.getUserName(), TestUsers.PASSWORD);
        ApplicationUser exchanging = users.create("sweep-exchange");
        String userToken = SignInFlow.signIn(
                        server.browser(),
                        server.interactiveClient(),
                        "openid profile scope2",
                        exchanging.getUserName(),
                        TestUsers.PASSWORD)
                .getOIDCTokens()
                .getAccessToken()
                .getValue();
        String actorToken = server.client(EXCHANGE, EXCHANGE_SECRET)
                .clientCredentials("")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
        exchangeTokens = Gen.<String>mix().add(2, token()).add(1, Gen.oneOf(userToken, actorToken));
        cibaUser = user.getUserName();
        clients.save(RegisteredClient.from(clients.findByClientId("ciba.client"))
                .id(UUID.randomUUID().toString())
                .clientId(cibaClient)
                .clientSecret(hashing.encode(cibaSecret))
                .build());
        anyone = Gen.<Visit>mix()
                .add(5, Gen.constant(Visit.STRANGER))
                .add(2, Gen.constant(sessions.visitor()))
                .add(3, Gen.constant(signedIn));
    }

    @AfterAll
    void summary() {
        System.out.println(Sweep.summary());
    }

    @Test
    void tokenEndpointWithClientAuthentication() {
        sweep.run(
                "POST /oauth2/token with client authentication",
                tokenRequest()
                        .headers(Headers.clientAuthentication(
                                OidcClient.M2M,
                                OidcClient.M2M_SECRET,
                                OidcClient.INTERACTIVE,
                                OidcClient.INTERACTIVE_SECRET,
                                EXCHANGE,
                                EXCHANGE_SECRET)),
                SweepChecks.protocolJson(issuer, SweepChecks.TOKEN_ERRORS));
    }

    @Test
    void tokenEndpointWithoutClientAuthentication() {
        sweep.run(
                "POST /oauth2/token without client authentication",
                tokenRequest(),
                SweepChecks.protocolJson(issuer, SweepChecks.TOKEN_ERRORS));
    }

    @Test
    void backchannelAuthenticationEndpoint() {
        Set<String> codes = new HashSet<>(SweepChecks.TOKEN_ERRORS);
        codes.addAll(Set.of("unknown_user_id", "invalid_binding_message"));
        sweep.run(
                "POST /oauth2/bc-authorize",
                RequestGen.post("/oauth2/bc-authorize")
                        .sentBy(anyone)
                        .headers(Headers.clientAuthentication(
                                cibaClient, cibaSecret, OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET))
                        .field("scope", textOr("openid", "openid profile scope1", "openid scope2", "profile"))
                        .field("login_hint", textOr(cibaUser, cibaUser.toUpperCase(), cibaUser + "@example.com"))
                        .field("binding_message", textOr("Order 42", "x".repeat(65)))
                        .field("requested_expiry", textOr("60", "0", "-1", "99999999999"))
                        .field("login_hint_token", token())
                        .field("id_token_hint", token())
                        .field("acr_values", textOr("mfa"))
                        .field("user_code", text())
                        .field("client_notification_token", token())
                        .field("request", token())
                        .field("client_id", textOr(cibaClient))
                        .field("client_secret", textOr(cibaSecret)),
                SweepChecks.protocolJson(issuer, codes));
    }

    @Test
    void authorizationEndpoint() {
        Gen<String> redirectUris = textOr(
                REDIRECT_URI,
                REDIRECT_URI,
                CONFIGURED_REDIRECT_URI,
                "http://127.0.0.1:8080/other",
                "http://evil.example/cb",
                REDIRECT_URI + "?x=1",
                REDIRECT_URI + "/..",
                "HTTP://127.0.0.1:8080/login/oauth2/code/interactive");
        RequestGen authorize = RequestGen.get("/oauth2/authorize")
                .sentBy(anyone)
                .field("response_type", textOr("code", "code", "token", "id_token", "code id_token", "none"))
                .field("client_id", textOr(OidcClient.INTERACTIVE, OidcClient.INTERACTIVE, OidcClient.M2M))
                .field("redirect_uri", redirectUris)
                .field("scope", textOr(SCOPES))
                .field("state", text())
                .field("nonce", text())
                .field("code_challenge", textOr("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
                .field("code_challenge_method", textOr("S256", "S256", "plain", "s256"))
                .field("prompt", textOr("none", "login", "consent", "select_account", "create", "none login", "x"))
                .field("acr_values", textOr("mfa", "1fa", "mfa 1fa", "urn:other"))
                .field("login_hint", text())
                .field("response_mode", textOr("query", "fragment", "form_post"))
                .field("max_age", textOr("0", "-1", "300", "99999999999"))
                .field("request_uri", textOr("urn:ietf:params:oauth:request_uri:x"))
                .field("request", token())
                .field("id_token_hint", token())
                .field("claims", textOr("{\"userinfo\":{\"email\":null}}"))
                .field("resource", textOr("https://api.example/", "urn:x"))
                .field("ui_locales", text());
        sweep.run(
                "GET and POST /oauth2/authorize",
                Gen.<Case>mix().add(3, authorize).add(1, authorize.withMethod("POST")),
                ProtocolChecks.authorization(issuer, OidcClient.INTERACTIVE, REDIRECT_URIS));
    }

    @Test
    void pushedAuthorizationRequestEndpoint() {
        Set<String> codes = new HashSet<>(SweepChecks.TOKEN_ERRORS);
        codes.addAll(SweepChecks.AUTHORIZATION_ERRORS);
        RequestGen pushed = RequestGen.post("/oauth2/par")
                .headers(Headers.clientAuthentication(
                        OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET, PAR_CLIENT, PAR_SECRET))
                .field("response_type", textOr("code", "code", "token", "code id_token"))
                .field("client_id", textOr(OidcClient.INTERACTIVE, PAR_CLIENT, OidcClient.M2M))
                .field("client_secret", textOr(OidcClient.INTERACTIVE_SECRET, PAR_SECRET))
                .field("redirect_uri", textOr(REDIRECT_URI, PAR_REDIRECT_URI, "http://evil.example/cb"))
                .field("scope", textOr(SCOPES))
                .field("state", text())
                .field("nonce", text())
                .field("code_challenge", textOr("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
                .field("code_challenge_method", textOr("S256", "S256", "plain"))
                .field("response_mode", textOr("query", "form_post", "fragment"))
                .field("prompt", textOr("none", "login", "consent"))
                .field("request_uri", textOr("urn:ietf:params:oauth:request_uri:x", "https://evil.example/r"))
                .field("request", token());
        sweep.run("POST /oauth2/par", pushed, SweepChecks.protocolJson(issuer, codes));
    }

    @Test
    void introspectionEndpoint() {
        sweep.run(
                "POST /oauth2/introspect",
                tokenQuery("/oauth2/introspect"),
                SweepChecks.protocolJson(issuer, SweepChecks.TOKEN_ERRORS));
    }

    @Test
    void revocationEndpoint() {
        Set<String> codes = new HashSet<>(SweepChecks.TOKEN_ERRORS);
        codes.add("unsupported_token_type");
        sweep.run("POST /oauth2/revoke", tokenQuery("/oauth2/revoke"), SweepChecks.protocolJson(issuer, codes));
    }

    @Test
    void userInfoEndpointWithBadBearerTokens() {
        RequestGen userInfo = RequestGen.get("/userinfo")
                .headers(Headers.badBearer())
                .field("access_token", token())
                .field("schema", textOr("openid"));
        sweep.run(
                "GET and POST /userinfo",
                Gen.<Case>mix().add(1, userInfo).add(1, userInfo.withMethod("POST")),
                ProtocolChecks.userInfo(issuer));
    }

    @Test
    void tokenEndpointWithDPoPProofs() {
        sweep.run(
                "POST /oauth2/token with DPoP proofs",
                tokenRequest()
                        .headers(Headers.clientAuthentication(OidcClient.M2M, OidcClient.M2M_SECRET))
                        .headers(Headers.dPoPProofs(issuer + "/oauth2/token", false)),
                SweepChecks.protocolJson(issuer, SweepChecks.TOKEN_ERRORS));
    }

    @Test
    void userInfoEndpointWithDPoPTokens() {
        RequestGen userInfo = RequestGen.get("/userinfo").headers(Headers.dPoPProofs(issuer + "/userinfo", true));
        sweep.run(
                "GET and POST /userinfo with DPoP",
                Gen.<Case>mix().add(1, userInfo).add(1, userInfo.withMethod("POST")),
                ProtocolChecks.userInfo(issuer));
    }

    @Test
    void logoutEndpointLeavesTheSessionSignedIn() {
        RequestGen logout = RequestGen.get("/connect/logout")
                .sentBy(anyone)
                .field("id_token_hint", token())
                .field("client_id", textOr(OidcClient.INTERACTIVE, OidcClient.M2M))
                .field("post_logout_redirect_uri", textOr("http://127.0.0.1:8080/", "http://evil.example/"))
                .field("state", text())
                .field("logout_hint", text())
                .field("ui_locales", text());
        sweep.run(
                "GET and POST /connect/logout",
                Gen.<Case>mix().add(1, logout).add(1, logout.withMethod("POST")),
                ProtocolChecks.logout(issuer, Set.of("http://127.0.0.1:8080/")));

        assertThat(new SweepSessions(new RawHttp(URI.create(issuer).getPort())).isSignedIn(signedIn))
                .as("no logout request of the sweep carried a valid ID token: the user is still signed in")
                .isTrue();
    }

    @Test
    void keySetAndDiscoveryDocuments() {
        RequestGen documents = RequestGen.get(
                        "/oauth2/jwks", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")
                .field("x", text())
                .field("kid", text());
        sweep.run("GET /oauth2/jwks and discovery", documents, ProtocolChecks.document(issuer));
    }

    @Test
    void deviceAuthorizationEndpoint() {
        RequestGen deviceAuthorization = RequestGen.post("/oauth2/device_authorization")
                .field("client_id", textOr(DEVICE, DEVICE, OidcClient.INTERACTIVE, OidcClient.M2M))
                .field("scope", textOr("profile scope1", "openid", "scope2", "profile profile", "email"))
                .field("client_secret", textOr(OidcClient.M2M_SECRET))
                .field("client_assertion", token())
                .field("resource", textOr("https://api.example/"));
        sweep.run(
                "POST /oauth2/device_authorization",
                Gen.<Case>mix()
                        .add(3, deviceAuthorization)
                        .add(
                                1,
                                deviceAuthorization
                                        .withMethod("POST")
                                        .headers(Headers.clientAuthentication(OidcClient.M2M, OidcClient.M2M_SECRET))),
                SweepChecks.protocolJson(issuer, SweepChecks.TOKEN_ERRORS));
    }

    @Test
    void deviceVerificationPageAndEndpoint() {
        RequestGen verification = RequestGen.get("/activate", "/oauth2/device_verification")
                .sentBy(anyone)
                .field("user_code", textOr("BCDF-GHJK", "bcdf ghjk", "0000-0000", "BCDF-GHJK-BCDF"))
                .field("state", token())
                .field("client_id", textOr(DEVICE, OidcClient.INTERACTIVE))
                .field("scope", textOr("profile", "openid", "scope2"))
                .field("deny", textOr("true"))
                .field("remember", textOr("true"));
        sweep.run(
                "GET and POST /activate and /oauth2/device_verification",
                Gen.<Case>mix().add(1, verification).add(2, verification.withMethod("POST")),
                SweepChecks.pages(issuer));
    }

    private RequestGen tokenRequest() {
        return RequestGen.post("/oauth2/token")
                .field("grant_type", textOr(GRANT_TYPES))
                .field("code", token())
                .field("redirect_uri", textOr(REDIRECT_URI))
                .field("code_verifier", text())
                .field("refresh_token", token())
                .field("scope", textOr(SCOPES))
                .field("client_id", textOr(OidcClient.M2M, OidcClient.INTERACTIVE, EXCHANGE, DEVICE))
                .field("client_secret", textOr(OidcClient.M2M_SECRET, OidcClient.INTERACTIVE_SECRET, EXCHANGE_SECRET))
                .field("client_assertion_type", textOr("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                .field("client_assertion", token())
                .field("resource", textOr("https://api.example/", "urn:x"))
                .field("subject_token", exchangeTokens)
                .field("subject_token_type", textOr(TOKEN_TYPES))
                .field("actor_token", exchangeTokens)
                .field("actor_token_type", textOr(TOKEN_TYPES))
                .field("requested_token_type", textOr(TOKEN_TYPES))
                .field("audience", textOr("downstream-api", "exchange.client", "https://api.example/"))
                .field("device_code", token())
                .field("auth_req_id", token())
                .field("username", text())
                .field("password", text())
                .field("assertion", token());
    }

    private RequestGen tokenQuery(String path) {
        return RequestGen.post(path)
                .headers(Headers.clientAuthentication(OidcClient.M2M, OidcClient.M2M_SECRET))
                .field("token", token())
                .field("token_type_hint", textOr("access_token", "refresh_token", "id_token"))
                .field("client_id", textOr(OidcClient.M2M))
                .field("client_secret", textOr(OidcClient.M2M_SECRET));
    }
}
