package com.example.authserver.sessions;

import com.example.authserver.authorization.ForwardingAuthorizationService;
import com.example.authserver.claims.TokenClaimsContribution;
import com.example.authserver.security.ProtocolContribution;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Makes an ID token's {@code sid} name the session in which the user authorized the client. The framework names the
 * user's most recently registered session instead, so with two sessions of one user an RP-initiated logout was refused
 * at random, and a logout would end the wrong session. Here the authorization endpoint keeps the session's
 * {@link SessionSid} in the authorization (and in {@link SessionClients}), ID tokens carry it, and RP-initiated logout
 * checks it against the session it is sent in.
 */
@Component
class AuthorizingSession implements ProtocolContribution, TokenClaimsContribution {

    /** The authorization's attribute holding the sid of the session that authorized it. */
    static final String SID_ATTRIBUTE = "sid";

    private static final String SID_CLAIM = "sid";

    private final OAuth2AuthorizationService authorizations;

    private final SessionClients sessionClients;

    private final SessionLogoutHandler logoutHandler;

    AuthorizingSession(
            OAuth2AuthorizationService authorizations,
            SessionClients sessionClients,
            SessionLogoutHandler logoutHandler) {
        this.authorizations = authorizations;
        this.sessionClients = sessionClients;
        this.logoutHandler = logoutHandler;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        server.authorizationService(new RecordingSession(authorizations));
        server.oidc(oidc -> oidc.logoutEndpoint(
                logout -> logout.authenticationProviders(providers -> providers.replaceAll(CheckingSid::new))
                        .logoutResponseHandler(rpInitiatedLogout())));
    }

    /** The framework's response to RP-initiated logout, the session's end announced before it is invalidated. */
    private AuthenticationSuccessHandler rpInitiatedLogout() {
        OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
        SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();
        handler.setLogoutHandler((request, response, authentication) -> {
            OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
            if (logout.isPrincipalAuthenticated()) {
                Authentication user = (Authentication) logout.getPrincipal();
                logoutHandler.logout(request, response, user);
                signOut.logout(request, response, user);
            }
        });
        return handler;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || context.getAuthorization() == null) {
            return;
        }
        String sid = context.getAuthorization().getAttribute(SID_ATTRIBUTE);
        if (sid != null) {
            context.getClaims().claim(SID_CLAIM, sid);
        } else {
            // an authorization from no browser session (or from before this fix): no sid rather than a wrong one
            context.getClaims().claims(claims -> claims.remove(SID_CLAIM));
        }
    }

    /**
     * The authorization store as the protocol endpoints see it: when the authorization endpoint saves a new
     * authorization with a code, in a request of the signed-in user's browser session, the session's sid is kept in
     * it (and in {@link SessionClients}) before the code reaches the client. (Wrapping the code request provider
     * instead is not possible: the framework finds it in the list by its class.)
     */
    private final class RecordingSession extends ForwardingAuthorizationService {

        RecordingSession(OAuth2AuthorizationService delegate) {
            super(delegate);
        }

        @Override
        public void save(OAuth2Authorization authorization) {
            super.save(withSid(authorization));
        }

        private OAuth2Authorization withSid(OAuth2Authorization authorization) {
            OAuth2Authorization.Token<OAuth2AuthorizationCode> code =
                    authorization.getToken(OAuth2AuthorizationCode.class);
            if (code == null
                    || code.isInvalidated()
                    || authorization.getAccessToken() != null
                    || authorization.getAttribute(SID_ATTRIBUTE) != null) {
                return authorization;
            }
            HttpSession session = SessionSid.currentRequest()
                    .map(request -> request.getSession(false))
                    .orElse(null);
            if (session == null || !authorization.getPrincipalName().equals(signedInUser())) {
                return authorization;
            }
            String sid = SessionSid.of(session, authorization.getPrincipalName());
            sessionClients.record(
                    sid,
                    authorization.getId(),
                    authorization.getRegisteredClientId(),
                    authorization.getPrincipalName());
            return OAuth2Authorization.from(authorization)
                    .attribute(SID_ATTRIBUTE, sid)
                    .build();
        }

        private String signedInUser() {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            return signedIn != null && signedIn.isAuthenticated() ? signedIn.getName() : null;
        }
    }

    /**
     * RP-initiated logout: the framework compares the ID token's {@code sid} with the hash of the current session id,
     * which no longer holds once the id changed; here it is compared with the session's {@link SessionSid}. A token of
     * another session is refused, so the session that ends is the one the token names.
     */
    private static final class CheckingSid implements AuthenticationProvider {

        private final AuthenticationProvider delegate;

        CheckingSid(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            if (!(authentication instanceof OidcLogoutAuthenticationToken request)
                    || request.getSessionId() == null
                    || !request.isPrincipalAuthenticated()) {
                return delegate.authenticate(authentication);
            }
            Authentication result = delegate.authenticate(new OidcLogoutAuthenticationToken(
                    request.getIdTokenHint(),
                    (Authentication) request.getPrincipal(),
                    null,
                    request.getClientId(),
                    request.getPostLogoutRedirectUri(),
                    request.getState()));
            if (!(result instanceof OidcLogoutAuthenticationToken checked)) {
                return result;
            }
            String sid = checked.getIdToken().getClaimAsString(SID_CLAIM);
            if (sid == null || !sid.equals(SessionSid.ofCurrentRequest().orElse(null))) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_TOKEN,
                        "OpenID Connect 1.0 Logout Request Parameter: sid",
                        "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
            }
            return new OidcLogoutAuthenticationToken(
                    checked.getIdToken(),
                    (Authentication) checked.getPrincipal(),
                    request.getSessionId(),
                    checked.getClientId(),
                    checked.getPostLogoutRedirectUri(),
                    checked.getState());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
