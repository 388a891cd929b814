package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The endpoints clients call directly answer requests they cannot even read with RFC 6749 error JSON, like every
 * other bad request there (regression cases of the bad-input sweep, system/ProtocolEndpointsSweepTests).
 */
@ServerTest
class ProtocolRequestErrorsTests {

    static final String M2M_BASIC = "Basic bTJtLmNsaWVudDo1MTE1MzZFRi1GMjcwLTQwNTgtODBDQS0xQzg5QzE5MkY2OUE=";

    @Autowired
    TestServer server;

    @ParameterizedTest
    @CsvSource({
        "/oauth2/token, grant_type=%zz",
        "/oauth2/token, %%%&&&===",
        "/oauth2/introspect, token=%E9t%E9",
        "/oauth2/revoke, token=a%C3%28",
        "/oauth2/token, client_id=%"
    })
    void parametersTheServerCannotDecodeGetInvalidRequest(String endpoint, String body) {
        RawHttp.Response answer = post(endpoint, body, M2M_BASIC);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).contains("\"error\":\"invalid_request\"");
    }

    @ParameterizedTest
    @CsvSource({"/oauth2/token", "/oauth2/introspect"})
    void malformedParametersWithoutClientCredentialsGetInvalidRequestToo(String endpoint) {
        assertThat(post(endpoint, "token=%zz", null).body()).contains("\"error\":\"invalid_request\"");
    }

    @ParameterizedTest
    @CsvSource({"/oauth2/token, gr%01ant_type=client_credentials", "/oauth2/revoke, token=a&token_type%00hint=x"})
    void parametersTheFirewallRefusesGetInvalidRequest(String endpoint, String body) {
        RawHttp.Response answer = post(endpoint, body, M2M_BASIC);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"invalid_request\"");
    }

    @ParameterizedTest
    @CsvSource({"/oauth2/token, KzpzZWNyZXQ=", "/oauth2/introspect, JTIwOnNlY3JldA==", "/oauth2/revoke, KzpzZWNyZXQ="})
    void basicCredentialsWhoseClientIdIsBlankGetInvalidClient(String endpoint, String credentials) {
        RawHttp.Response answer = post(endpoint, "grant_type=client_credentials&token=x", "Basic " + credentials);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("\"error\":\"invalid_client\"");
    }

    @ParameterizedTest
    @CsvSource({"/oauth2/token", "/oauth2/introspect", "/oauth2/revoke"})
    void aBearerTokenIsNoClientCredential(String endpoint) {
        RawHttp.Response answer = post(endpoint, "grant_type=client_credentials&token=x", "Bearer a.b.c");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("\"error\":\"invalid_client\"");
    }

    private RawHttp.Response post(String endpoint, String body, String authorization) {
        List<Map.Entry<String, String>> headers = authorization == null
                ? List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded"))
                : List.of(
                        Map.entry("Content-Type", "application/x-www-form-urlencoded"),
                        Map.entry("Authorization", authorization));
        return new RawHttp(URI.create(server.issuer()).getPort())
                .send(new RawHttp.Request("POST", endpoint, headers, body.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
