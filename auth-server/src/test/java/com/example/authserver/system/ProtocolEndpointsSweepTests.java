package com.example.authserver.system;

import static com.example.authserver.system.BadValues.text;
import static com.example.authserver.system.BadValues.textOr;
import static com.example.authserver.system.BadValues.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.ClientCallback;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.example.authserver.system.SweepSessions.Visit;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

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

    static final String[] GRANT_TYPES = {
        "authorization_code",
        "refresh_token",
        "client_credentials",
        "urn:ietf:params:oauth:grant-type:device_code",
        "urn:ietf:params:oauth:grant-type:token-exchange",
        "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "urn:ietf:params:oauth:grant-type:saml2-bearer",
        "password",
        "implicit",
        "AUTHORIZATION_CODE",
        "client_credentials "
    };

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

    @BeforeAll
    void sessions() {
        issuer = server.issuer();
        RawHttp http = new RawHttp(URI.create(issuer).getPort());
        sweep = new Sweep(http);
        SweepSessions sessions = new SweepSessions(http);
        ApplicationUser user = users.create("sweep-protocol");
        signedIn = sessions.signedIn(user.getUserName(), TestUsers.PASSWORD);
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
                                OidcClient.INTERACTIVE_SECRET)),
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

    private RequestGen tokenRequest() {
        return RequestGen.post("/oauth2/token")
                .field("grant_type", textOr(GRANT_TYPES))
                .field("code", token())
                .field("redirect_uri", textOr(REDIRECT_URI))
                .field("code_verifier", text())
                .field("refresh_token", token())
                .field("scope", textOr(SCOPES))
                .field("client_id", textOr(OidcClient.M2M, OidcClient.INTERACTIVE))
                .field("client_secret", textOr(OidcClient.M2M_SECRET, OidcClient.INTERACTIVE_SECRET))
                .field("client_assertion_type", textOr("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
                .field("client_assertion", token())
                .field("resource", textOr("https://api.example/", "urn:x"))
                .field("subject_token", token())
                .field(
                        "subject_token_type",
                        textOr("urn:ietf:params:oauth:token-type:access_token", "urn:ietf:params:oauth:token-type:jwt"))
                .field("actor_token", token())
                .field("device_code", token())
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
