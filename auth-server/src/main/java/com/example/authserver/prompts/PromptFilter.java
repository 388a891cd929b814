package com.example.authserver.prompts;

import com.example.authserver.account.AccountPages;
import com.example.authserver.security.AuthorizationEndpointErrors;
import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the protocol chain, before the authorization endpoint: sends the user to the page an authorization request asks
 * for ({@link SignInRequirements.Next}: sign in again, choose the account, register, give the second factor), with the
 * request saved, as the sign-in page saves it, so that each of those pages continues with it when done. It acts on
 * requests the framework has already validated (client, redirect URI, scopes, and {@link PromptContribution}'s checks),
 * so a bad request gets its error, not a page; {@code prompt=none} never gets a page. A pushed request (RFC 9126),
 * which the framework reads only after sign-in, is read here from its {@code request_uri}, as the framework stored it.
 */
final class PromptFilter extends OncePerRequestFilter {

    /** Where the framework leaves an authorization request it validated, for its endpoint filter. */
    private static final String VALIDATED_REQUEST = OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName();

    private static final String PUSHED_REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private static final Authentication VISITOR = new AnonymousAuthenticationToken(
            "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final RequestMatcher authorizationEndpoint;

    private final SignInRequirements requirements;

    private final Supplier<Set<String>> supportedPrompts;

    private final OAuth2AuthorizationService authorizations;

    private final RegisteredClientRepository clients;

    private final Clock clock;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    private final AuthenticationFailureHandler errors = AuthorizationEndpointErrors.handler();

    PromptFilter(
            String authorizationEndpoint,
            SignInRequirements requirements,
            Supplier<Set<String>> supportedPrompts,
            OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            Clock clock) {
        this.authorizationEndpoint = PathPatternRequestMatcher.withDefaults().matcher(authorizationEndpoint);
        this.requirements = requirements;
        this.supportedPrompts = supportedPrompts;
        this.authorizations = authorizations;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!authorizationEndpoint.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication signedIn = SignInRequirements.signedInUser(
                SecurityContextHolder.getContext().getAuthentication());
        OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest = request.getAttribute(VALIDATED_REQUEST)
                        instanceof OAuth2AuthorizationCodeRequestAuthenticationToken validated
                ? validated
                : pushed(request, signedIn);
        if (authorizationRequest == null) {
            chain.doFilter(request, response);
            return;
        }
        RequestedSignIn requested;
        try {
            requested = RequestedSignIn.of(authorizationRequest.getAdditionalParameters(), supportedPrompts.get());
        } catch (IllegalArgumentException refusedAlready) {
            chain.doFilter(request, response);
            return;
        }
        if (requested.silent() && signedIn == null && request.getAttribute(VALIDATED_REQUEST) == null) {
            // a pushed request: the framework would send the visitor to sign in before looking at it
            errors.onAuthenticationFailure(request, response, loginRequired(authorizationRequest));
            return;
        }
        if (!requested.asksAnything() || requested.silent()) {
            chain.doFilter(request, response);
            return;
        }
        String key = PromptProgress.keyOf(authorizationRequest);
        switch (requirements.next(requested, key, signedIn, request)) {
            case SIGN_IN -> sendTo(SignedInUsers.LOGIN_PAGE, request, response);
            case SELECT_ACCOUNT -> {
                SelectAccountController.choosing(request, key);
                sendTo(SelectAccountController.PAGE, request, response);
            }
            case REGISTER -> sendTo(AccountPages.REGISTER, request, response);
            case SECOND_FACTOR -> stepUp(signedIn, request, response);
            case CONTINUE -> chain.doFilter(request, response);
        }
    }

    /**
     * The second step of a sign-in, for a user signed in with one factor: the two-factor page completes it as after a
     * password. The pending step's five minutes count from now, so the first factor is kept with today's time.
     */
    private void stepUp(Authentication signedIn, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var firstFactor = SignInFactors.of(signedIn).first();
        if (firstFactor.isEmpty()) {
            sendTo(SignedInUsers.LOGIN_PAGE, request, response);
            return;
        }
        new PendingSignIn(signedIn.getName(), firstFactor.get().getAuthority(), clock.instant()).store(request);
        sendTo(PendingSignIn.PAGE, request, response);
    }

    /** The pushed request a {@code request_uri} names, if it is there and the client's; else null. */
    private OAuth2AuthorizationCodeRequestAuthenticationToken pushed(
            HttpServletRequest request, Authentication signedIn) {
        String requestUri = request.getParameter(OAuth2ParameterNames.REQUEST_URI);
        if (requestUri == null || !requestUri.startsWith(PUSHED_REQUEST_URI_PREFIX)) {
            return null;
        }
        OAuth2Authorization stored =
                authorizations.findByToken(requestUri.substring(PUSHED_REQUEST_URI_PREFIX.length()), STATE);
        if (stored == null
                || !(stored.getAttribute(OAuth2AuthorizationRequest.class.getName())
                        instanceof OAuth2AuthorizationRequest pushed)
                || !pushed.getClientId().equals(request.getParameter(OAuth2ParameterNames.CLIENT_ID))) {
            return null; // the framework refuses it
        }
        RegisteredClient client = clients.findByClientId(pushed.getClientId());
        String redirectUri = pushed.getRedirectUri() != null || client == null
                ? pushed.getRedirectUri()
                : client.getRedirectUris().iterator().next();
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(
                pushed.getAuthorizationUri(),
                pushed.getClientId(),
                signedIn != null ? signedIn : VISITOR,
                redirectUri,
                pushed.getState(),
                pushed.getScopes(),
                pushed.getAdditionalParameters());
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException loginRequired(
            OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(
                        SignInRequirements.LOGIN_REQUIRED,
                        "The request cannot be answered without the user (prompt=none).",
                        null),
                request);
    }

    private void sendTo(String page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        requestCache.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + page);
    }
}
