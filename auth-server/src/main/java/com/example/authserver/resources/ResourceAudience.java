package com.example.authserver.resources;

import com.example.authserver.claims.TokenClaimsContribution;
import com.example.authserver.clients.ApiResource;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The audience of an access token, and the token endpoint's checks of {@code resource} (RFC 8707), for every grant:
 * <ul>
 *   <li>{@code aud} is the resources the token request names; else those the authorization request named; else those
 *       owning the token's scopes; with no API scope at all, the client (as before: a token for the client itself).
 *   <li>A grant that carries an earlier authorization (code, refresh, device) may name only resources granted by it
 *       (those the authorization request named, else those owning its scopes): narrowing, never widening.
 *   <li>Every resource named must be known and usable by the client, and the token's scopes may not belong to other
 *       resources ({@link ResourceTargets}); else {@code invalid_target}, before anything is stored.
 * </ul>
 * Done while the token is generated, because only then are the grant's authorization and final scopes both known;
 * an error here ends the request before the framework saves anything (the code or refresh token stays usable).
 */
@Component
class ResourceAudience implements TokenClaimsContribution {

    private final ResourceTargets targets;

    ResourceAudience(ResourceTargets targets) {
        this.targets = targets;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        List<ApiResource> audience = audienceOf(context);
        if (audience.stream().anyMatch(ResourceAudience::wantsReferenceTokens)) {
            throw ResourceTargets.invalidTarget(
                    "The resource accepts reference tokens only, and this client is configured for JWTs.");
        }
        if (!audience.isEmpty() && !asksForItsOwnAudience(context.getAuthorizationGrant())) {
            context.getClaims().audience(ResourceTargets.urisOf(audience));
        }
    }

    /**
     * The same audience for an opaque (reference) access token, kept with the token for introspection: for clients
     * whose access token format is {@code REFERENCE}, which the resources wanting reference tokens require.
     */
    OAuth2TokenCustomizer<OAuth2TokenClaimsContext> referenceTokens() {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            List<ApiResource> audience = audienceOf(context);
            if (!audience.isEmpty() && !asksForItsOwnAudience(context.getAuthorizationGrant())) {
                context.getClaims().audience(ResourceTargets.urisOf(audience));
            }
        };
    }

    /** The resources the access token is for, after the checks; empty: no API resource (the client's own token). */
    private List<ApiResource> audienceOf(OAuth2TokenContext context) {
        Authentication grant = context.getAuthorizationGrant();
        List<String> named = requested(grant);
        List<ApiResource> audience = targets.resolve(named, context.getRegisteredClient());
        OAuth2Authorization authorization = context.getAuthorization();
        List<String> authorizedAtFirst =
                authorization == null ? List.of() : authorizationRequestResources(authorization);
        if (!named.isEmpty() && authorization != null && carriesEarlierGrant(context.getAuthorizationGrantType())) {
            List<String> granted = authorizedAtFirst.isEmpty()
                    ? ResourceTargets.urisOf(targets.owningAny(authorization.getAuthorizedScopes()))
                    : authorizedAtFirst;
            if (!granted.containsAll(named)) {
                throw ResourceTargets.invalidTarget("The resource was not granted by this authorization.");
            }
        }
        if (audience.isEmpty() && !authorizedAtFirst.isEmpty()) {
            audience = targets.resolve(authorizedAtFirst, context.getRegisteredClient());
        }
        if (!audience.isEmpty()) {
            targets.requireScopesOf(audience, context.getAuthorizedScopes());
            return audience;
        }
        return targets.owningAny(context.getAuthorizedScopes());
    }

    /** A token exchange naming audiences or resources gets exactly those (exchange/ExchangedTokenClaims). */
    private static boolean asksForItsOwnAudience(Authentication grant) {
        return grant instanceof OAuth2TokenExchangeAuthenticationToken exchange
                && !(exchange.getAudiences().isEmpty()
                        && exchange.getResources().isEmpty());
    }

    private static boolean wantsReferenceTokens(ApiResource resource) {
        return OAuth2TokenFormat.REFERENCE.equals(resource.accessTokenFormat());
    }

    private static List<String> requested(Authentication grant) {
        if (grant instanceof OAuth2TokenExchangeAuthenticationToken exchange) {
            return List.copyOf(exchange.getResources());
        }
        if (grant instanceof OAuth2AuthorizationGrantAuthenticationToken request) {
            return ResourceTargets.requested(request.getAdditionalParameters());
        }
        return List.of();
    }

    /** The resources named on the authorization request this grant came from; none for other grants. */
    private static List<String> authorizationRequestResources(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (request == null) {
            return List.of();
        }
        Map<String, Object> parameters = request.getAdditionalParameters();
        return ResourceTargets.requested(parameters);
    }

    private static boolean carriesEarlierGrant(AuthorizationGrantType grantType) {
        return !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grantType)
                && !AuthorizationGrantType.TOKEN_EXCHANGE.equals(grantType);
    }
}
