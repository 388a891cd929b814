package com.example.authserver.samples.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the API for the signed-in user, with the user's access token: Spring's {@link OAuth2AuthorizedClientManager}
 * gives the token from sign-in while it is valid, and gets a new one with the refresh token once it has expired.
 */
@Component
class ApiCalls {

    private final OAuth2AuthorizedClientManager authorizedClients;

    private final RestClient http;

    private final String apiUrl;

    ApiCalls(OAuth2AuthorizedClientManager authorizedClients, Environment settings) {
        this.authorizedClients = authorizedClients;
        String apiUrl = settings.getProperty("samples.api-url", "http://127.0.0.1:8081");
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    String identityUrl() {
        return apiUrl + "/identity";
    }

    /**
     * What the API answered ({@code body}, when {@code problem} is null), or why there is no answer: {@code problem}
     * names the message shown (messages.properties, {@code api.problem.*}), {@code detail} completes it.
     */
    public record Answer(String body, String problem, String detail) {

        static Answer of(String body) {
            return new Answer(body, null, null);
        }

        static Answer problem(String problem, String detail) {
            return new Answer(null, problem, detail);
        }
    }

    Answer identity(
            OAuth2AuthenticationToken authentication, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client;
        try {
            client = authorizedClients.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(authentication.getAuthorizedClientRegistrationId())
                            .principal(authentication)
                            .attribute(HttpServletRequest.class.getName(), request)
                            .attribute(HttpServletResponse.class.getName(), response)
                            .build());
        } catch (ClientAuthorizationException ex) {
            // for example a refresh token that the server no longer accepts: the user signs in again
            return Answer.problem("token", ex.getError().getErrorCode());
        }
        if (client == null) {
            return Answer.problem("token", "none");
        }
        try {
            ResponseEntity<String> answer = http.get()
                    .uri(identityUrl())
                    .headers(headers ->
                            headers.setBearerAuth(client.getAccessToken().getTokenValue()))
                    .retrieve()
                    .toEntity(String.class);
            return Answer.of(pretty(answer.getBody()));
        } catch (RestClientResponseException ex) {
            String challenge = ex.getResponseHeaders() == null
                    ? null
                    : ex.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
            return Answer.problem(
                    "status", ex.getStatusCode().value() + (challenge == null ? "" : " (" + challenge + ")"));
        } catch (ResourceAccessException ex) {
            return Answer.problem("unreachable", identityUrl());
        } catch (RestClientException ex) {
            return Answer.problem("unreadable", identityUrl());
        }
    }

    /** JSON indented for reading; anything else as it came. */
    private static String pretty(String body) {
        if (body == null) {
            return "";
        }
        try {
            JsonMapper json = JsonMapper.shared();
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        } catch (JacksonException ex) {
            return body;
        }
    }
}
