package com.example.authserver.exchange;

import com.example.authserver.clients.TokenExchangeSettings;
import com.example.authserver.security.SignedInUsers;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.StringUtils;

/**
 * The rules the framework's token exchange provider leaves out, checked before it issues the token: the client may
 * exchange tokens of the subject token's client ({@link TokenExchangeSettings#SUBJECT_CLIENTS}); the subject token is
 * an unexpired, unrevoked access token of a user who is still active (enabled, not locked out, same security stamp);
 * an actor token is one of the client's own, active too; the audiences are the client's
 * ({@link TokenExchangeSettings#AUDIENCES}); the scopes are the client's and the subject token's, or added by the
 * client's setting ({@link TokenExchangeSettings#ADDED_SCOPES}). Unacceptable tokens get {@code invalid_request}, as
 * RFC 8693 section 2.2.2 requires, with a description saying which rule failed.
 */
final class TokenExchangeChecks implements AuthenticationProvider {

    static final String INVALID_TARGET = "invalid_target";

    private final AuthenticationProvider framework;

    private final OAuth2AuthorizationService authorizations;

    private final RegisteredClientRepository clients;

    private final SignedInUsers signedInUsers;

    TokenExchangeChecks(
            AuthenticationProvider framework,
            OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            SignedInUsers signedInUsers) {
        this.framework = framework;
        this.authorizations = authorizations;
        this.clients = clients;
        this.signedInUsers = signedInUsers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2TokenExchangeAuthenticationToken request = (OAuth2TokenExchangeAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller) || !caller.isAuthenticated()) {
            return framework.authenticate(request); // the framework's invalid_client
        }
        RegisteredClient client = caller.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.TOKEN_EXCHANGE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "This client may not use token exchange.");
        }
        OAuth2Authorization subject = activeAuthorization(request.getSubjectToken(), "subject");
        RegisteredClient subjectClient = clients.findById(subject.getRegisteredClientId());
        if (subjectClient == null
                || !TokenExchangeSettings.subjectClientsOf(client).contains(subjectClient.getClientId())) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "This client may not exchange tokens issued to that client.");
        }
        requireActiveUser(subject, "subject", true);
        if (StringUtils.hasText(request.getActorToken())) {
            OAuth2Authorization actor = activeAuthorization(request.getActorToken(), "actor");
            if (!client.getId().equals(actor.getRegisteredClientId())) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST, "The actor token was not issued to this client.");
            }
            requireActiveUser(actor, "actor", false);
        }
        checkAudiences(client, request);
        Set<String> scopes = scopes(client, subject, request.getScopes());
        return framework.authenticate(new OAuth2TokenExchangeAuthenticationToken(
                request.getRequestedTokenType(),
                request.getSubjectToken(),
                request.getSubjectTokenType(),
                caller,
                request.getActorToken(),
                request.getActorTokenType(),
                request.getResources(),
                request.getAudiences(),
                scopes,
                request.getAdditionalParameters()));
    }

    /** The authorization of an access token this server issued and that is still valid; refresh and ID tokens fail. */
    private OAuth2Authorization activeAuthorization(String token, String which) {
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<OAuth2Token> found = authorization == null ? null : authorization.getToken(token);
        if (found == null || !(found.getToken() instanceof OAuth2AccessToken)) {
            throw error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "The " + which + " token is not an access token of this server.");
        }
        if (!found.isActive()) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "The " + which + " token has expired or was revoked.");
        }
        return authorization;
    }

    /** The token's user, if it has one, must still be active; a subject token must have one. */
    private void requireActiveUser(OAuth2Authorization authorization, String which, boolean required) {
        boolean userToken = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
                && authorization.getAttribute(Principal.class.getName()) instanceof Authentication;
        if (!userToken) {
            if (required) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST, "The " + which + " token was not issued for a user.");
            }
            return;
        }
        Authentication user = authorization.getAttribute(Principal.class.getName());
        if (!signedInUsers.isCurrent(user)) {
            throw error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "The user of the " + which + " token is disabled, locked out or no longer exists, or changed"
                            + " their credentials since.");
        }
    }

    private static void checkAudiences(RegisteredClient client, OAuth2TokenExchangeAuthenticationToken request) {
        Set<String> allowed = TokenExchangeSettings.audiencesOf(client);
        Set<String> requested = new LinkedHashSet<>(request.getAudiences());
        requested.addAll(request.getResources());
        for (String audience : requested) {
            if (!allowed.contains(audience)) {
                throw error(INVALID_TARGET, "This client may not obtain tokens for that audience or resource.");
            }
        }
    }

    /**
     * The scopes to grant: those asked for, each a scope of the client and either in the subject token or one the
     * client may add; without a scope parameter, the subject token's scopes that the client has.
     */
    private static Set<String> scopes(RegisteredClient client, OAuth2Authorization subject, Set<String> requested) {
        Set<String> subjectScopes = subject.getAuthorizedScopes();
        if (requested == null || requested.isEmpty()) {
            Set<String> granted = new LinkedHashSet<>(subjectScopes);
            granted.retainAll(client.getScopes());
            if (granted.isEmpty()) {
                throw error(
                        OAuth2ErrorCodes.INVALID_SCOPE,
                        "The subject token has none of this client's scopes: name the scopes to exchange it for.");
            }
            return granted;
        }
        Set<String> added = TokenExchangeSettings.addedScopesOf(client);
        for (String scope : requested) {
            if (!client.getScopes().contains(scope) || !(subjectScopes.contains(scope) || added.contains(scope))) {
                throw error(
                        OAuth2ErrorCodes.INVALID_SCOPE,
                        "A requested scope is not allowed: each must be one of this client's scopes, and in the"
                                + " subject token unless the client may add it.");
            }
        }
        return new LinkedHashSet<>(requested);
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return framework.supports(authentication);
    }
}
