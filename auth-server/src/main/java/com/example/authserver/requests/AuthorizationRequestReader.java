package com.example.authserver.requests;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * Reads a request to the authorization endpoint before the framework's converters do (the first converter of the
 * endpoint, so it also runs in the framework's check of the request before sign-in):
 * <ul>
 * <li>{@code request_uri} only as the pushed authorization request endpoint handed it out; others get
 * {@code request_uri_not_supported} (this server fetches no request objects from elsewhere);</li>
 * <li>{@code request}: a signed request object ({@link RequestObjects}), whose parameters replace the request's;</li>
 * <li>a client that must push its requests ({@link RequestSettings#REQUIRE_PUSHED_AUTHORIZATION_REQUESTS}) is refused
 * anything else;</li>
 * <li>the response mode: a request asking for {@code form_post} is marked so ({@link ResponseModes}), also when the
 * request was pushed or is the user's answer on the consent page (both read from the stored request).</li>
 * </ul>
 * Errors go to the client's redirect URI when the request names one registered for it exactly, else to the error page.
 */
final class AuthorizationRequestReader implements AuthenticationConverter {

    static final String PUSHED_REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final AuthenticationConverter framework = new OAuth2AuthorizationCodeRequestAuthenticationConverter();

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationService authorizations;

    private final RequestObjects requestObjects;

    AuthorizationRequestReader(
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            RequestObjects requestObjects) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.requestObjects = requestObjects;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        MultiValueMap<String, String> parameters = parameters(request);
        String requestUri = parameters.getFirst(OAuth2ParameterNames.REQUEST_URI);
        String requestObject = parameters.getFirst(RequestObjects.PARAMETER);
        if (isConsent(request, parameters)) {
            rememberResponseMode(request, parameters.getFirst(OAuth2ParameterNames.STATE));
            return null;
        }
        RegisteredClient client = client(parameters);
        if (requestUri != null) {
            if (requestObject != null) {
                throw error(
                        OAuth2ErrorCodes.INVALID_REQUEST, "Send request or request_uri, not both.", parameters, client);
            }
            if (!requestUri.startsWith(PUSHED_REQUEST_URI_PREFIX)) {
                throw error(
                        "request_uri_not_supported",
                        "Only request_uri values from the pushed authorization request endpoint are accepted.",
                        parameters,
                        client);
            }
            checkPushedRequest(request, requestUri.substring(PUSHED_REQUEST_URI_PREFIX.length()), client);
            return null;
        }
        if (client == null) {
            return null; // the framework refuses it
        }
        if (requestObject != null) {
            MultiValueMap<String, String> objectParameters;
            try {
                if (parameters.get(RequestObjects.PARAMETER).size() != 1) {
                    throw RequestObjects.invalid("Send one request object.");
                }
                objectParameters = requestObjects.parameters(requestObject, client, issuer());
            } catch (OAuth2AuthenticationException invalid) {
                ResponseModes.remember(request, parameters.getFirst(ResponseModes.PARAMETER));
                throw error(invalid.getError(), parameters, client);
            }
            ResponseModes.remember(request, objectParameters.getFirst(ResponseModes.PARAMETER));
            refuseUnlessPushed(client, objectParameters);
            return framework.convert(new RewrittenParameters(request, objectParameters));
        }
        ResponseModes.remember(request, parameters.getFirst(ResponseModes.PARAMETER));
        refuseUnlessPushed(client, parameters);
        return null;
    }

    private void refuseUnlessPushed(RegisteredClient client, MultiValueMap<String, String> parameters) {
        if (RequestSettings.requiresPushedRequests(client)) {
            throw error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "This client must use pushed authorization requests (RFC 9126): push the request to the"
                            + " pushed authorization request endpoint and send its request_uri here.",
                    parameters,
                    client);
        }
    }

    /** The user's answer on the consent page: a POST with none of an authorization request's own parameters. */
    private static boolean isConsent(HttpServletRequest request, MultiValueMap<String, String> parameters) {
        return "POST".equals(request.getMethod())
                && !parameters.containsKey(OAuth2ParameterNames.RESPONSE_TYPE)
                && !parameters.containsKey(OAuth2ParameterNames.REQUEST_URI)
                && !parameters.containsKey(RequestObjects.PARAMETER);
    }

    /**
     * The pushed request must be there, the client's, and not expired: checked here as well as by the framework,
     * which does it only once the user has signed in. Its response mode is remembered.
     */
    private void checkPushedRequest(HttpServletRequest request, String state, RegisteredClient client) {
        OAuth2Authorization stored = authorizations.findByToken(state, STATE);
        OAuth2AuthorizationRequest pushed =
                stored == null ? null : stored.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (pushed == null || client == null || !client.getId().equals(stored.getRegisteredClientId())) {
            throw error("invalid_request_uri", "The request_uri is unknown, used already or another client's.");
        }
        if (expired(state)) {
            authorizations.remove(stored);
            throw error("invalid_request_uri", "The request_uri has expired.");
        }
        ResponseModes.remember(request, pushed.getAdditionalParameters().get(ResponseModes.PARAMETER));
    }

    /** The framework writes a pushed request's expiry into its state: {@code <random>___<epoch millis>}. */
    private static boolean expired(String state) {
        int delimiter = state.lastIndexOf("___");
        try {
            return delimiter < 0
                    || Instant.ofEpochMilli(Long.parseLong(state.substring(delimiter + 3)))
                            .isBefore(Instant.now());
        } catch (NumberFormatException | DateTimeException unreadable) {
            return true;
        }
    }

    /** An error about the request itself: no redirect URI can be trusted, so it is shown to the user. */
    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description) {
        return error(new OAuth2Error(code, description, null), new LinkedMultiValueMap<>(), null);
    }

    /** The response mode of a request stored under this state: pushed, or waiting for the user's consent. */
    private void rememberResponseMode(HttpServletRequest request, String state) {
        if (!StringUtils.hasText(state)) {
            return;
        }
        OAuth2Authorization stored = authorizations.findByToken(state, STATE);
        OAuth2AuthorizationRequest authorizationRequest =
                stored == null ? null : stored.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (authorizationRequest != null) {
            ResponseModes.remember(
                    request, authorizationRequest.getAdditionalParameters().get(ResponseModes.PARAMETER));
        }
    }

    private RegisteredClient client(MultiValueMap<String, String> parameters) {
        String clientId = parameters.getFirst(OAuth2ParameterNames.CLIENT_ID);
        return StringUtils.hasText(clientId)
                        && parameters.get(OAuth2ParameterNames.CLIENT_ID).size() == 1
                ? clients.findByClientId(clientId)
                : null;
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(
            String code, String description, MultiValueMap<String, String> parameters, RegisteredClient client) {
        return error(new OAuth2Error(code, description, null), parameters, client);
    }

    /** The error, sent to the redirect URI the request names if the client registered exactly that one. */
    private static OAuth2AuthorizationCodeRequestAuthenticationException error(
            OAuth2Error error, MultiValueMap<String, String> parameters, RegisteredClient client) {
        String redirectUri = single(parameters, OAuth2ParameterNames.REDIRECT_URI);
        if (client == null || redirectUri == null || !client.getRedirectUris().contains(redirectUri)) {
            redirectUri = null;
        }
        String scope = single(parameters, OAuth2ParameterNames.SCOPE);
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizationCodeRequestAuthenticationToken request =
                new OAuth2AuthorizationCodeRequestAuthenticationToken(
                        AuthorizationServerContextHolder.getContext().getIssuer(),
                        client != null ? client.getClientId() : "unknown",
                        principal != null ? principal : ANONYMOUS,
                        redirectUri,
                        single(parameters, OAuth2ParameterNames.STATE),
                        scope == null ? null : new HashSet<>(Arrays.asList(scope.split(" "))),
                        Map.of());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(error, request);
    }

    private static String single(MultiValueMap<String, String> parameters, String name) {
        var values = parameters.get(name);
        return values != null && values.size() == 1 && StringUtils.hasText(values.get(0)) ? values.get(0) : null;
    }

    private static MultiValueMap<String, String> parameters(HttpServletRequest request) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }

    private static String issuer() {
        return AuthorizationServerContextHolder.getContext().getIssuer();
    }
}
