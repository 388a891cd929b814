package com.example.authserver.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * How the authorization endpoint answers, where it differs from the framework's:
 * <ul>
 * <li>every response sent to the client's redirect URI, code or error, carries {@code iss} (RFC 9207), so a client
 * that talks to several servers can tell which one answered (mix-up attacks);</li>
 * <li>a redirect URI must match a registered one exactly, character for character; only public (native) clients may
 * vary the port of a loopback redirect URI, as RFC 8252 lets apps that listen on a port of the moment;</li>
 * <li>an error that cannot be sent to a trusted redirect URI is shown to the user as a 400 page, whatever its kind
 * (the framework expects one kind only and would answer others with a 500); in development the page also shows the
 * error and what the request named ({@link AuthorizationRequestError});</li>
 * <li>a response the client asked to have form-posted ({@code response_mode=form_post}) is, by {@link
 * FormPostResponse}.</li>
 * </ul>
 */
public final class AuthorizationResponses {

    private AuthorizationResponses() {}

    /**
     * The redirect URI rule, then the framework's checks of the redirect URI and the scopes: for the authorization
     * endpoint, and for the endpoints that take authorization requests ahead of it (pushed authorization requests).
     */
    public static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator() {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> exactForConfidentialClients =
                AuthorizationResponses::requireExactRedirectUri;
        return exactForConfidentialClients
                .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR)
                .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR);
    }

    static AuthenticationSuccessHandler success() {
        return AuthorizationResponses::sendCode;
    }

    static AuthenticationFailureHandler failure() {
        return AuthorizationResponses::sendError;
    }

    private static void requireExactRedirectUri(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        String redirectUri = request.getRedirectUri();
        boolean publicClient = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
        if (StringUtils.hasText(redirectUri)
                && !publicClient
                && !client.getRedirectUris().contains(redirectUri)) {
            OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect =
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(
                            request.getAuthorizationUri(),
                            request.getClientId(),
                            (Authentication) request.getPrincipal(),
                            null,
                            request.getState(),
                            request.getScopes(),
                            request.getAdditionalParameters());
            withoutRedirect.setAuthenticated(true);
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: redirect_uri", null),
                    withoutRedirect);
        }
    }

    private static void sendCode(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationToken result =
                (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(OAuth2ParameterNames.CODE, result.getAuthorizationCode().getTokenValue());
        respond(request, response, result.getRedirectUri(), withStateAndIssuer(parameters, result.getState()));
    }

    private static void sendError(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth2
                ? oauth2.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        OAuth2AuthorizationCodeRequestAuthenticationToken failed =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest
                        ? codeRequest.getAuthorizationCodeRequestAuthentication()
                        : null;
        if (failed == null || !StringUtils.hasText(failed.getRedirectUri())) {
            request.setAttribute(
                    AuthorizationRequestError.ATTRIBUTE,
                    new AuthorizationRequestError(
                            error.getErrorCode(),
                            error.getDescription(),
                            failed != null && StringUtils.hasText(failed.getClientId())
                                    ? failed.getClientId()
                                    : request.getParameter(OAuth2ParameterNames.CLIENT_ID),
                            request.getParameter(OAuth2ParameterNames.REDIRECT_URI)));
            response.sendError(HttpStatus.BAD_REQUEST.value(), error.toString());
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            parameters.put(OAuth2ParameterNames.ERROR_DESCRIPTION, error.getDescription());
        }
        if (StringUtils.hasText(error.getUri())) {
            parameters.put(OAuth2ParameterNames.ERROR_URI, error.getUri());
        }
        respond(request, response, failed.getRedirectUri(), withStateAndIssuer(parameters, failed.getState()));
    }

    private static Map<String, String> withStateAndIssuer(Map<String, String> parameters, String state) {
        if (StringUtils.hasText(state)) {
            parameters.put(OAuth2ParameterNames.STATE, state);
        }
        parameters.put("iss", AuthorizationServerContextHolder.getContext().getIssuer());
        return parameters;
    }

    /** To the redirect URI: in its query, or form-posted when the client asked for that. */
    private static void respond(
            HttpServletRequest request,
            HttpServletResponse response,
            String redirectUri,
            Map<String, String> parameters)
            throws IOException {
        if (FormPostResponse.isRequested(request)) {
            FormPostResponse.write(request, response, redirectUri, parameters);
            return;
        }
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(redirectUri);
        parameters.forEach((name, value) -> redirect.queryParam(name, encode(value)));
        // build(true): every component is encoded already
        response.sendRedirect(redirect.build(true).toUriString());
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
