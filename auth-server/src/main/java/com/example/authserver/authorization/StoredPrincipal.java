package com.example.authserver.authorization;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeActor;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeCompositeAuthenticationToken;

/**
 * The signed-in user as an authorization keeps them: a name (the user id) and the granted authorities, never the
 * principal object, so no user class (ApplicationUser, or any property added to it) can break what is stored.
 * A sign-in factor keeps its time, which becomes the ID token's {@code auth_time}. Loaded back, the user is a
 * plain Spring Security {@link User} in an authenticated {@link UsernamePasswordAuthenticationToken}.
 */
final class StoredPrincipal {

    /** The attribute the framework keeps the signed-in user under. */
    static final String ATTRIBUTE = Principal.class.getName();

    private static final String NAME = "name";

    private static final String AUTHORITIES = "authorities";

    private static final String AUTHORITY = "authority";

    private static final String FACTOR_ISSUED_AT = "factorIssuedAt";

    private static final String ACTORS = "actors";

    private StoredPrincipal() {}

    /** Plain maps, lists and strings: what the attributes column holds for the user. */
    static Map<String, Object> toMap(Object principal) {
        Map<String, Object> stored = new LinkedHashMap<>();
        Object user = principal;
        if (principal instanceof OAuth2TokenExchangeCompositeAuthenticationToken composite) {
            user = composite.getSubject();
            List<Object> actors = new ArrayList<>();
            composite.getActors().forEach(actor -> actors.add(JsonValues.plain(actor.getClaims())));
            stored.put(ACTORS, actors);
        }
        stored.put(NAME, (user instanceof Principal named) ? named.getName() : String.valueOf(user));
        List<Object> authorities = new ArrayList<>();
        if (user instanceof Authentication authentication) {
            authentication.getAuthorities().stream()
                    .filter(authority -> authority.getAuthority() != null)
                    .forEach(authority -> authorities.add(toMap(authority)));
        }
        stored.put(AUTHORITIES, authorities);
        return stored;
    }

    static Authentication fromMap(Map<String, Object> stored) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object authority : (List<?>) stored.get(AUTHORITIES)) {
            authorities.add(authorityFrom((Map<?, ?>) authority));
        }
        User user = new User((String) stored.get(NAME), "", authorities);
        Authentication subject = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        if (!(stored.get(ACTORS) instanceof List<?> actors)) {
            return subject;
        }
        List<OAuth2TokenExchangeActor> exchangeActors = new ArrayList<>();
        for (Object claims : actors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> actorClaims = (Map<String, Object>) claims;
            exchangeActors.add(new OAuth2TokenExchangeActor(actorClaims));
        }
        return new OAuth2TokenExchangeCompositeAuthenticationToken(subject, exchangeActors);
    }

    private static Map<String, Object> toMap(GrantedAuthority authority) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put(AUTHORITY, authority.getAuthority());
        if (authority instanceof FactorGrantedAuthority factor) {
            stored.put(FACTOR_ISSUED_AT, factor.getIssuedAt().toString());
        }
        return stored;
    }

    private static GrantedAuthority authorityFrom(Map<?, ?> stored) {
        String authority = (String) stored.get(AUTHORITY);
        Object issuedAt = stored.get(FACTOR_ISSUED_AT);
        if (issuedAt == null) {
            return new SimpleGrantedAuthority(authority);
        }
        return FactorGrantedAuthority.withAuthority(authority)
                .issuedAt(Instant.parse((String) issuedAt))
                .build();
    }
}
