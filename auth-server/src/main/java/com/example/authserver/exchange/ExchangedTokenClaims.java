package com.example.authserver.exchange;

import com.example.authserver.claims.TokenClaimsContribution;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeActor;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeCompositeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * The claims of an exchanged access token that the framework leaves out: {@code aud} is the audiences and resources
 * the client asked for (checked by {@link TokenExchangeChecks}), and under delegation {@code act} names the actor
 * (RFC 8693 section 4.1), the actors of earlier exchanges nested inside it.
 */
@Component
class ExchangedTokenClaims implements TokenClaimsContribution {

    static final String ACT = "act";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!AuthorizationGrantType.TOKEN_EXCHANGE.equals(context.getAuthorizationGrantType())
                || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (context.getAuthorizationGrant() instanceof OAuth2TokenExchangeAuthenticationToken request) {
            Set<String> audiences = new LinkedHashSet<>(request.getAudiences());
            audiences.addAll(request.getResources());
            if (!audiences.isEmpty()) {
                context.getClaims().audience(List.copyOf(audiences));
            }
        }
        if (context.getPrincipal() instanceof OAuth2TokenExchangeCompositeAuthenticationToken delegation) {
            Map<String, Object> act = act(delegation.getActors());
            if (act != null) {
                context.getClaims().claim(ACT, act);
            }
        }
    }

    /** The current actor first, each earlier one in the {@code act} of the one after it. */
    private static Map<String, Object> act(List<OAuth2TokenExchangeActor> actors) {
        Map<String, Object> act = null;
        for (int i = actors.size() - 1; i >= 0; i--) {
            String subject = actors.get(i).getSubject();
            if (subject == null) {
                continue;
            }
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("sub", subject);
            if (act != null) {
                current.put(ACT, act);
            }
            act = current;
        }
        return act;
    }
}
