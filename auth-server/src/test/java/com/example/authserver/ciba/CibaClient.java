package com.example.authserver.ciba;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.ciba.AuthRequestID;
import com.nimbusds.oauth2.sdk.ciba.CIBAGrant;
import com.nimbusds.oauth2.sdk.ciba.CIBARequest;
import com.nimbusds.oauth2.sdk.ciba.CIBARequestAcknowledgement;
import com.nimbusds.oauth2.sdk.ciba.CIBAResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** A CIBA client of the server under test: the Nimbus SDK for proper requests, raw HTTP for the bad ones. */
final class CibaClient {

    static final String DEVELOPMENT_CLIENT = "ciba.client";

    static final String DEVELOPMENT_SECRET = "8B0C5E1D-2F3A-4B6C-9D7E-1A2B3C4D5E6F";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String issuer;

    private final ClientSecretBasic credentials;

    CibaClient(String issuer, String clientId, String secret) {
        this.issuer = issuer;
        this.credentials = new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
    }

    /** An answer of the backchannel authentication endpoint, read as JSON. */
    record Answer(int status, Map<String, Object> json, String body) {

        String error() {
            return (String) json.get("error");
        }
    }

    URI endpoint() {
        return URI.create(issuer + "/oauth2/bc-authorize");
    }

    CIBAResponse request(CIBARequest.Builder builder) throws Exception {
        return CIBAResponse.parse(
                builder.endpointURI(endpoint()).build().toHTTPRequest().send());
    }

    CIBARequest.Builder builder(String loginHint, String scope, String bindingMessage) {
        return new CIBARequest.Builder(credentials, Scope.parse(scope))
                .loginHint(loginHint)
                .bindingMessage(bindingMessage);
    }

    /** Starts a request that must be accepted. */
    CIBARequestAcknowledgement start(String loginHint, String scope, String bindingMessage) throws Exception {
        return start(builder(loginHint, scope, bindingMessage));
    }

    CIBARequestAcknowledgement start(CIBARequest.Builder builder) throws Exception {
        CIBAResponse response = request(builder);
        assertThat(response.indicatesSuccess())
                .as(
                        "accepted: %s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        return response.toRequestAcknowledgement();
    }

    TokenResponse poll(AuthRequestID authReqId) throws Exception {
        TokenRequest request =
                new TokenRequest(URI.create(issuer + "/oauth2/token"), credentials, new CIBAGrant(authReqId));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    /** The error code of a poll that must fail. */
    String pollError(AuthRequestID authReqId) throws Exception {
        TokenResponse response = poll(authReqId);
        assertThat(response.indicatesSuccess()).as("the poll fails").isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }

    /** A form POST to the endpoint with this client's credentials (Basic). */
    Answer send(List<Map.Entry<String, String>> fields) throws Exception {
        return send(
                fields,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((enc(credentials.getClientID().getValue()) + ":"
                                                + enc(credentials
                                                        .getClientSecret()
                                                        .getValue()))
                                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** A form POST to the endpoint with the given Authorization header (or none). */
    Answer send(List<Map.Entry<String, String>> fields, String authorization) throws Exception {
        String body = fields.stream()
                .map(field -> enc(field.getKey()) + "=" + enc(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("JSON: %s", response.body())
                .startsWith("application/json");
        return new Answer(response.statusCode(), JSONObjectUtils.parse(response.body()), response.body());
    }

    /**
     * A new client like ciba.client (with a secret of its own), so a test has a rate-limit bucket and requests of its own in the
     * shared server.
     */
    static CibaClient registered(String issuer, RegisteredClientRepository clients, ClientSecretHashing hashing) {
        RegisteredClient template = clients.findByClientId(DEVELOPMENT_CLIENT);
        String secret = UUID.randomUUID().toString();
        RegisteredClient fresh = RegisteredClient.from(template)
                .id(UUID.randomUUID().toString())
                .clientId("ciba-" + UUID.randomUUID().toString().substring(0, 8))
                .clientName("CIBA test client")
                .clientSecret(hashing.encode(secret))
                .build();
        clients.save(fresh);
        return new CibaClient(issuer, fresh.getClientId(), secret);
    }

    String clientId() {
        return credentials.getClientID().getValue();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
