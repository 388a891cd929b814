package com.example.authserver.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacks on the SCIM endpoints, over plain HTTP: no token, a user's token, another resource's token, a forged
 * token; and bad input (malformed JSON, wrong media type, unknown paths and methods, filter injection, huge values).
 * Every refusal is RFC 7644's error JSON, never a sign-in page or a 5xx.
 */
@ServerTest
class ScimAccessTests {

    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every SCIM endpoint and method this server serves. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"GET", "/Users"},
            new String[] {"POST", "/Users"},
            new String[] {"POST", "/Users/.search"},
            new String[] {"GET", "/Users/some-id"},
            new String[] {"PUT", "/Users/some-id"},
            new String[] {"PATCH", "/Users/some-id"},
            new String[] {"DELETE", "/Users/some-id"},
            new String[] {"GET", "/Groups"},
            new String[] {"POST", "/Groups"},
            new String[] {"POST", "/Groups/.search"},
            new String[] {"GET", "/Groups/some-id"},
            new String[] {"PUT", "/Groups/some-id"},
            new String[] {"PATCH", "/Groups/some-id"},
            new String[] {"GET", "/ServiceProviderConfig"},
            new String[] {"GET", "/ResourceTypes"},
            new String[] {"GET", "/Schemas"});

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    HttpResponse<String> call(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.issuer() + "/scim/v2" + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String path, String token) throws Exception {
        return call(method, path, token, "application/scim+json", method.equals("GET") ? null : "{}");
    }

    static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        return body;
    }

    @Test
    void withoutATokenEveryCallGetsTheBearerChallengeNeverTheSignInPage() throws Exception {
        for (String[] call : CALLS) {
            HttpResponse<String> response = call(call[0], call[1], null);
            error(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        HttpRequest browser = HttpRequest.newBuilder(URI.create(server.issuer() + "/scim/v2/Users"))
                .header("Accept", "text/html")
                .build();
        error(HTTP.send(browser, HttpResponse.BodyHandlers.ofString()), 401);
    }

    @Test
    void aUsersTokenIsRefusedOnEveryCallWithInsufficientScope() throws Exception {
        ApplicationUser alice = users.create("scim-alice");
        String token = SignInFlow.signIn(
                        server.browser(),
                        server.interactiveClient(),
                        "openid profile",
                        alice.getUserName(),
                        TestUsers.PASSWORD)
                .getTokens()
                .getAccessToken()
                .getValue();

        for (String[] call : CALLS) {
            HttpResponse<String> response = call(call[0], call[1], token);
            error(response, 403);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).contains("insufficient_scope"));
        }
    }

    @Test
    void aTokenForAnotherResourceOrAForgedOneIsRefused() throws Exception {
        String apiToken = server.m2mClient()
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
        assertThat(error(call("GET", "/Users", apiToken), 401).path("detail").asText())
                .contains("another resource");

        String scimToken = ScimClients.scimToken(server);
        String forged = scimToken.substring(0, scimToken.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        HttpResponse<String> response = call("GET", "/Users", forged);
        error(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
    }

    @Test
    void aDPoPBoundTokenIsTakenWithAProofOfItsKeyOnly() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        DefaultDPoPProofFactory proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        URI tokenEndpoint = URI.create(server.issuer() + "/oauth2/token");
        URI endpoint = URI.create(server.issuer() + "/scim/v2/ServiceProviderConfig");
        Nonce nonce = null;
        AccessToken token = null;
        for (int attempt = 0; attempt < 2 && token == null; attempt++) {
            HTTPRequest request = new TokenRequest.Builder(
                            tokenEndpoint,
                            new ClientSecretBasic(new ClientID(ScimClients.CLIENT_ID), new Secret(ScimClients.SECRET)),
                            new ClientCredentialsGrant())
                    .scope(new Scope("scim"))
                    .build()
                    .toHTTPRequest();
            request.setDPoP(proofs.createDPoPJWT("POST", tokenEndpoint, nonce));
            HTTPResponse response = request.send();
            nonce = response.getDPoPNonce() != null ? response.getDPoPNonce() : nonce;
            if (response.getStatusCode() == 200) {
                token = TokenResponse.parse(response)
                        .toSuccessResponse()
                        .getTokens()
                        .getAccessToken();
            }
        }
        assertThat(token).isInstanceOf(DPoPAccessToken.class);

        HTTPResponse answer = null;
        for (int attempt = 0; attempt < 2 && (answer == null || answer.getStatusCode() != 200); attempt++) {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, endpoint);
            request.setAuthorization(token.toAuthorizationHeader());
            request.setDPoP(proofs.createDPoPJWT("GET", endpoint, token, nonce));
            answer = request.send();
            nonce = answer.getDPoPNonce() != null ? answer.getDPoPNonce() : nonce;
        }
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        error(call("GET", "/ServiceProviderConfig", token.getValue()), 401);
    }

    @Test
    void badRequestsGetScimErrorsNeverAServerError() throws Exception {
        String token = ScimClients.scimToken(server);

        assertThat(error(call("POST", "/Users", token, "application/scim+json", "{\"userName\": "), 400)
                        .path("scimType")
                        .asText())
                .isEqualTo("invalidSyntax");
        assertThat(error(call("POST", "/Users", token, "application/scim+json", "[1, 2]"), 400)
                        .path("scimType")
                        .asText())
                .isEqualTo("invalidSyntax");
        error(call("POST", "/Users", token, "text/plain", "userName=x"), 415);
        error(call("POST", "/Users", token, null, "{}"), 415);
        error(call("GET", "/Nothing", token), 404);
        error(call("GET", "/Users/" + "no-such-user", token), 404);
        error(call("DELETE", "/Groups/some-id", token), 404);
        error(call("DELETE", "/Groups", token), 405);
        assertThat(error(call("PATCH", "/Users/x", token, "application/scim+json", "{\"Operations\": 3}"), 400)
                        .path("scimType")
                        .asText())
                .isIn("invalidSyntax", "invalidValue");
        String userId = JSON.readTree(call(
                                "POST",
                                "/Users",
                                token,
                                "application/scim+json",
                                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                        + "\"userName\":\"scim-bad-patch-" + System.nanoTime() + "\"}")
                        .body())
                .path("id")
                .asText();
        for (String operation : List.of(
                "{\"op\":\"add\",\"path\":\"name\",\"value\":42}",
                "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}",
                "{\"op\":\"remove\",\"path\":\"emails[value eq\"}",
                "{\"op\":\"jump\",\"path\":\"userName\",\"value\":\"x\"}",
                "{\"op\":\"replace\",\"path\":\"userName\",\"value\":{\"deep\":[1,2]}}")) {
            String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                    + operation + "]}";
            error(call("PATCH", "/Users/" + userId, token, "application/scim+json", patch), 400);
        }
        assertThat(error(call("GET", "/Users?startIndex=abc", token), 400)
                        .path("scimType")
                        .asText())
                .isEqualTo("invalidValue");
    }

    @Test
    void filtersThatTryToBreakOutOrExhaustTheServerAreInvalidFilters() throws Exception {
        String token = ScimClients.scimToken(server);
        List<String> filters = List.of(
                "userName eq \"x\" or \"\"=\"\"",
                "userName eq \"unterminated",
                "userName eq x'; drop table users; --",
                "userName zz \"x\"",
                "password eq \"secret\"",
                "meta.lastModified gt \"2020-01-01T00:00:00Z\"",
                "active gt true",
                "userName eq \"a\" or ".repeat(40) + "userName eq \"b\"",
                "(".repeat(50) + "userName eq \"a\"" + ")".repeat(50),
                "not(".repeat(30) + "userName eq \"a\"" + ")".repeat(30),
                "userName eq \"" + "a".repeat(2000) + "\"");
        for (String filter : filters) {
            HttpResponse<String> response =
                    call("GET", "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), token);
            assertThat(error(response, 400).path("scimType").asText())
                    .as(filter)
                    .isEqualTo("invalidFilter");
        }
        // a value with LIKE's wildcards finds nothing: they are literal characters
        HttpResponse<String> wildcards =
                call("GET", "/Users?filter=" + URLEncoder.encode("userName co \"%\"", StandardCharsets.UTF_8), token);
        assertThat(wildcards.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(wildcards.body()).path("totalResults").asInt()).isZero();
    }

    @Test
    void aHugeCountIsCappedAtTheAdvertisedMaximum() throws Exception {
        String token = ScimClients.scimToken(server);
        for (int i = 0; i < 3; i++) {
            users.create("scim-count");
        }
        HttpResponse<String> response = call("GET", "/Users?count=99999999999999&startIndex=-5", token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.path("startIndex").asInt()).isEqualTo(1);
        assertThat(list.path("itemsPerPage").asInt()).isPositive().isLessThanOrEqualTo(ListParameters.MAX_COUNT);
        assertThat(list.path("Resources").size())
                .isEqualTo(list.path("itemsPerPage").asInt());
    }
}
