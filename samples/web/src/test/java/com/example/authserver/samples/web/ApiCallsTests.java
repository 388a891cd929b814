package com.example.authserver.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

/**
 * The API call of "Call the API" with a user's access token, against a stub API: its answer, and each way it can
 * fail, shown as a message instead of an error page.
 */
class ApiCallsTests {

    private StubServer api;

    private final OAuth2AuthenticationToken alice = new OAuth2AuthenticationToken(
            new DefaultOAuth2User(AuthorityUtils.NO_AUTHORITIES, Map.of("sub", "alice-id"), "sub"),
            AuthorityUtils.NO_AUTHORITIES,
            "interactive");

    @AfterEach
    void stopTheApi() {
        if (api != null) {
            api.stop();
        }
    }

    @Test
    void showsTheApisAnswerIndented() {
        api = new StubServer()
                .answer("/identity", 200, "application/json", "{\"sub\":\"alice-id\",\"scope\":\"scope1\"}");

        ApiCalls.Answer answer =
                calls(api.url()).identity(alice, new MockHttpServletRequest(), new MockHttpServletResponse());

        assertThat(answer.problem()).isNull();
        assertThat(answer.body()).contains("\"sub\" : \"alice-id\"").contains("\n");
    }

    @Test
    void saysWhenTheApiRefuses() {
        api = new StubServer()
                .answer("/identity", 401, "text/plain", "", "WWW-Authenticate", "Bearer error=\"invalid_token\"");

        ApiCalls.Answer answer =
                calls(api.url()).identity(alice, new MockHttpServletRequest(), new MockHttpServletResponse());

        assertThat(answer.body()).isNull();
        assertThat(answer.problem()).isEqualTo("status");
        assertThat(answer.detail()).startsWith("401").contains("invalid_token");
    }

    @Test
    void saysWhenTheApiIsDown() {
        StubServer stopped = new StubServer();
        String url = stopped.url();
        stopped.stop();

        ApiCalls.Answer answer =
                calls(url).identity(alice, new MockHttpServletRequest(), new MockHttpServletResponse());

        assertThat(answer.problem()).isEqualTo("unreachable");
        assertThat(answer.detail()).isEqualTo(url + "/identity");
    }

    @Test
    void saysWhenThereIsNoToken() {
        ApiCalls calls = new ApiCalls(request -> null, new MockEnvironment());

        ApiCalls.Answer answer = calls.identity(alice, new MockHttpServletRequest(), new MockHttpServletResponse());

        assertThat(answer.problem()).isEqualTo("token");
    }

    /** The calls with an authorized-client manager that always has a valid token for alice. */
    private static ApiCalls calls(String apiUrl) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("interactive")
                .clientId("interactive")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/callback")
                .authorizationUri("http://127.0.0.1/authorize")
                .tokenUri("http://127.0.0.1/token")
                .build();
        OAuth2AccessToken token = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                "alice-token",
                Instant.now(),
                Instant.now().plusSeconds(300),
                Set.of("scope1"));
        OAuth2AuthorizedClientManager manager = request ->
                new OAuth2AuthorizedClient(registration, request.getPrincipal().getName(), token);
        return new ApiCalls(manager, new MockEnvironment().withProperty("samples.api-url", apiUrl));
    }
}
