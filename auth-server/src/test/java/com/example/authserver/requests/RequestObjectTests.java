package com.example.authserver.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.support.Browser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signed request objects (RFC 9101) by value, at the authorization endpoint and pushed, built and signed by the Nimbus
 * SDK with keys the client registered inline or at a URL; and the ways an attacker would try to pass a request object
 * off as the client's.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestObjectTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    RequestClients client;

    HttpServer keyServer;

    AtomicInteger keyFetches = new AtomicInteger();

    RequestClients remoteKeysClient;

    @BeforeAll
    void clients() throws Exception {
        client = RequestClients.inline(clients, hashing);
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.start();
        URI jwksUri = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks");
        remoteKeysClient = RequestClients.atUrl(clients, hashing, jwksUri);
        keyServer.createContext("/jwks", exchange -> {
            keyFetches.incrementAndGet();
            byte[] body = remoteKeysClient.publicKeys().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    void stopKeyServer() {
        keyServer.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void aSignedRequestObjectIsTheRequest(String algorithm) throws Exception {
        RequestClients.Request request = client.signed(server.issuer(), JWSAlgorithm.parse(algorithm), claims -> {});
        Browser browser = server.browser();

        // the outer state and redirect URI are not the request's: only the object's parameters count
        Browser.Page login =
                browser.follow(browser.get(authorize(client, request.object().serialize(), "outer")));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        Browser.Page redirect = browser.signIn(login, users.create("jar").getUserName(), TestUsers.PASSWORD);

        Map<String, String> response = query(redirect.uri());
        assertThat(redirect.uri().toString()).startsWith(RequestClients.REDIRECT_URI.toString());
        assertThat(response).containsEntry("state", request.state().getValue());
        OIDCTokenResponse tokens = exchange(client, new AuthorizationCode(response.get("code")), request);
        assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("nonce"))
                .isEqualTo(request.nonce().getValue());
    }

    @Test
    void keysAreFetchedFromTheClientsJwksUriAndCached() throws Exception {
        for (int i = 0; i < 3; i++) {
            RequestClients.Request request = remoteKeysClient.signed(server.issuer(), JWSAlgorithm.ES256, claims -> {});
            Browser.Page page = server.browser()
                    .get(authorize(remoteKeysClient, request.object().serialize(), "outer"));
            assertThat(page.location()).as("sent to sign in").endsWith("/login");
        }
        assertThat(keyFetches.get()).isEqualTo(1);

        RequestClients.Request foreign = client.signed(server.issuer(), JWSAlgorithm.ES256, claims -> {});
        assertThat(errorFor(remoteKeysClient, foreign.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anObjectSignedWithAnotherKeyIsRefused() throws Exception {
        RequestClients other = RequestClients.inline(clients, hashing);
        JWTClaimsSet claims = client.signed(server.issuer(), JWSAlgorithm.RS256, c -> {})
                .object()
                .getJWTClaimsSet();

        assertThat(errorFor(client, other.sign(JWSAlgorithm.RS256, claims).serialize()))
                .isEqualTo("invalid_request_object");
    }

    @Test
    void anUnsignedObjectIsRefused() throws Exception {
        JWTClaimsSet claims = client.signed(server.issuer(), JWSAlgorithm.RS256, c -> {})
                .object()
                .getJWTClaimsSet();

        assertThat(errorFor(client, new PlainJWT(claims).serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anObjectSignedWithTheClientSecretIsRefused() throws Exception {
        RequestClients.Request request = client.signed(server.issuer(), JWSAlgorithm.HS256, claims -> {});

        assertThat(errorFor(client, request.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anExpiredObjectIsRefused() throws Exception {
        RequestClients.Request request = client.signed(
                server.issuer(),
                JWSAlgorithm.RS256,
                claims -> claims.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

        assertThat(errorFor(client, request.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anObjectWithoutExpiryOrValidForDaysIsRefused() throws Exception {
        RequestClients.Request unlimited =
                client.signed(server.issuer(), JWSAlgorithm.RS256, claims -> claims.expirationTime(null));
        RequestClients.Request days = client.signed(
                server.issuer(),
                JWSAlgorithm.RS256,
                claims -> claims.expirationTime(Date.from(Instant.now().plus(Duration.ofDays(3)))));

        assertThat(errorFor(client, unlimited.object().serialize())).isEqualTo("invalid_request_object");
        assertThat(errorFor(client, days.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anObjectForAnotherServerIsRefused() throws Exception {
        RequestClients.Request request = client.signed(
                server.issuer(), JWSAlgorithm.RS256, claims -> claims.audience("https://other-server.example"));

        assertThat(errorFor(client, request.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anObjectNamingAnotherClientIsRefused() throws Exception {
        RequestClients.Request otherClientId =
                client.signed(server.issuer(), JWSAlgorithm.RS256, claims -> claims.claim("client_id", "interactive"));
        RequestClients.Request otherIssuer =
                client.signed(server.issuer(), JWSAlgorithm.RS256, claims -> claims.issuer("interactive"));

        assertThat(errorFor(client, otherClientId.object().serialize())).isEqualTo("invalid_request_object");
        assertThat(errorFor(client, otherIssuer.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void anObjectCarryingAnotherRequestIsRefused() throws Exception {
        RequestClients.Request nested = client.signed(
                server.issuer(),
                JWSAlgorithm.RS256,
                claims -> claims.claim("request_uri", "https://attacker.example/request.jwt"));

        assertThat(errorFor(client, nested.object().serialize())).isEqualTo("invalid_request_object");
    }

    @Test
    void hugeAndMalformedObjectsAreRefused() throws Exception {
        String huge = client.signed(
                        server.issuer(), JWSAlgorithm.RS256, claims -> claims.claim("padding", "x".repeat(20_000)))
                .object()
                .serialize();
        Browser.Page answer = server.browser()
                .post(
                        "/oauth2/authorize",
                        java.util.List.of(
                                Map.entry("client_id", client.clientId),
                                Map.entry("redirect_uri", RequestClients.REDIRECT_URI.toString()),
                                Map.entry("state", "outer"),
                                Map.entry("request", huge)));

        assertThat(query(URI.create(answer.location()))).containsEntry("error", "invalid_request_object");
        assertThat(errorFor(client, "not.a.jwt")).isEqualTo("invalid_request_object");
        assertThat(errorFor(client, "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")).isEqualTo("invalid_request_object");
    }

    @Test
    void aRequestUriFromElsewhereIsRefused() {
        String uri = UriComponentsBuilder.fromUriString(server.issuer() + "/oauth2/authorize")
                .queryParam("client_id", client.clientId)
                .queryParam("redirect_uri", RequestClients.REDIRECT_URI)
                .queryParam("state", "outer")
                .queryParam("request_uri", "https://attacker.example/request.jwt")
                .encode()
                .toUriString();

        Browser.Page answer = server.browser().get(uri);

        assertThat(query(URI.create(answer.location())))
                .containsEntry("error", "request_uri_not_supported")
                .containsEntry("state", "outer");
    }

    @Test
    void aSignedRequestObjectCanBePushed() throws Exception {
        RequestClients.Request request = client.signed(server.issuer(), JWSAlgorithm.PS256, claims -> {});
        PushedAuthorizationResponse pushed = push(client, request);
        assertThat(pushed.indicatesSuccess()).isTrue();
        URI requestUri = pushed.toSuccessResponse().getRequestURI();
        Browser browser = server.browser();

        Browser.Page login =
                browser.follow(browser.get(UriComponentsBuilder.fromUriString(server.issuer() + "/oauth2/authorize")
                        .queryParam("client_id", client.clientId)
                        .queryParam("request_uri", URLEncoder.encode(requestUri.toString(), StandardCharsets.UTF_8))
                        .build(true)
                        .toUriString()));
        Browser.Page redirect = browser.signIn(login, users.create("jar-par").getUserName(), TestUsers.PASSWORD);

        Map<String, String> response = query(redirect.uri());
        assertThat(response).containsEntry("state", request.state().getValue());
        assertThat(exchange(client, new AuthorizationCode(response.get("code")), request)
                        .getOIDCTokens()
                        .getIDToken()
                        .getJWTClaimsSet()
                        .getStringClaim("nonce"))
                .isEqualTo(request.nonce().getValue());
    }

    @Test
    void aPushedObjectSignedWithAnotherKeyIsRefusedAsJson() throws Exception {
        RequestClients other = RequestClients.inline(clients, hashing);
        RequestClients.Request request = client.signed(server.issuer(), JWSAlgorithm.RS256, claims -> {});
        RequestClients.Request forged = new RequestClients.Request(
                other.sign(JWSAlgorithm.RS256, request.object().getJWTClaimsSet()),
                request.state(),
                request.nonce(),
                request.verifier());

        PushedAuthorizationResponse pushed = push(client, forged);

        assertThat(pushed.indicatesSuccess()).isFalse();
        assertThat(pushed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request_object");
        assertThat(pushed.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(400);
    }

    private PushedAuthorizationResponse push(RequestClients pushing, RequestClients.Request request) throws Exception {
        HTTPResponse response = new PushedAuthorizationRequest(
                        URI.create(server.issuer() + "/oauth2/par"),
                        new ClientSecretBasic(pushing.id(), new Secret(pushing.secret)),
                        new AuthorizationRequest.Builder(request.object(), pushing.id()).build())
                .toHTTPRequest()
                .send();
        return PushedAuthorizationResponse.parse(response);
    }

    /** The error the client's redirect URI receives for this request object. */
    private String errorFor(RequestClients sending, String requestObject) {
        Browser.Page answer = server.browser().get(authorize(sending, requestObject, "outer"));
        assertThat(answer.location())
                .as("an error redirect, got %s %s", answer.status(), answer.body())
                .startsWith(RequestClients.REDIRECT_URI.toString());
        Map<String, String> response = query(URI.create(answer.location()));
        assertThat(response).containsEntry("state", "outer").containsEntry("iss", server.issuer());
        return response.get("error");
    }

    private String authorize(RequestClients sending, String requestObject, String outerState) {
        return UriComponentsBuilder.fromUriString(server.issuer() + "/oauth2/authorize")
                .queryParam("client_id", sending.clientId)
                .queryParam("redirect_uri", RequestClients.REDIRECT_URI)
                .queryParam("state", outerState)
                .queryParam("request", requestObject)
                .encode()
                .toUriString();
    }

    private OIDCTokenResponse exchange(
            RequestClients exchanging, AuthorizationCode code, RequestClients.Request request) throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(
                        URI.create(server.issuer() + "/oauth2/token"),
                        new ClientSecretBasic(exchanging.id(), new Secret(exchanging.secret)),
                        new AuthorizationCodeGrant(code, RequestClients.REDIRECT_URI, request.verifier()))
                .toHTTPRequest()
                .send());
        assertThat(response.indicatesSuccess()).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> java.net.URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
    }
}
