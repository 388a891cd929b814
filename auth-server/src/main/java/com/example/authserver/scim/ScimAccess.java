package com.example.authserver.scim;

import com.example.authserver.clients.Clients;
import com.example.authserver.clients.SelfRegisteredClients;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.UserManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The SCIM endpoints' access rule, after the protocol chain has verified the access token (signature, expiry,
 * {@code at+jwt}, DPoP binding): the token must carry scope {@code scim} or {@code admin}, must be meant for this
 * server (an audience naming an API resource is another resource's token), and a user's token additionally needs a
 * user who is active and holds the {@code admin} role right now. Anything else is refused in SCIM's error form.
 */
final class ScimAccess extends OncePerRequestFilter {

    static final Set<String> SCOPES = Clients.ADMINISTRATION_SCOPES;

    private final RequestMatcher endpoints;

    private final UserManager users;

    private final RegisteredClientRepository clients;

    ScimAccess(RequestMatcher endpoints, UserManager users, RegisteredClientRepository clients) {
        this.clients = clients;
        this.endpoints = endpoints;
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoints.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
            refuse(response, 401, "invalid_token", "An access token of this server is required.");
            return;
        }
        Map<String, Object> claims = token.getTokenAttributes();
        String clientId = string(claims.get("client_id"));
        if (clientId == null || !forThisServer(claims.get("aud"), clientId)) {
            refuse(response, 401, "invalid_token", "The access token is meant for another resource.");
            return;
        }
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || SelfRegisteredClients.isSelfRegistered(client)) {
            // whatever its scopes say: a client that registered itself never administers the server
            refuse(response, 403, "insufficient_scope", "This client may not use SCIM.");
            return;
        }
        Set<String> scopes = scopes(token.getAuthorities());
        if (scopes.stream().noneMatch(SCOPES::contains)) {
            refuse(response, 403, "insufficient_scope", "The access token needs scope scim or admin.");
            return;
        }
        String subject = string(claims.get("sub"));
        ScimCaller caller;
        if (subject == null || subject.equals(clientId)) {
            caller = new ScimCaller(clientId, null, clientId, scopes.contains("admin"));
        } else {
            Optional<ApplicationUser> user = users.findById(subject);
            if (user.isEmpty() || !users.isActive(user.get()) || !isAdministrator(user.get())) {
                refuse(response, 403, "insufficient_scope", "Only an administrator's token may use SCIM.");
                return;
            }
            caller = new ScimCaller(clientId, subject, user.get().getUserName(), scopes.contains("admin"));
        }
        caller.store(request);
        chain.doFilter(request, response);
    }

    private boolean isAdministrator(ApplicationUser user) {
        return users.getRoleNames(user).stream()
                .anyMatch(role -> IdentityRole.ADMIN.equals(LookupNormalizer.normalizeName(role)));
    }

    /** A token without an API audience is the client's own (resources/ResourceAudience): the only kind taken here. */
    private static boolean forThisServer(Object audience, String clientId) {
        if (audience == null) {
            return true;
        }
        Collection<?> values = audience instanceof Collection<?> many ? many : List.of(audience);
        return values.stream().allMatch(value -> clientId.equals(String.valueOf(value)));
    }

    private static Set<String> scopes(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("SCOPE_"))
                .map(authority -> authority.substring("SCOPE_".length()))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static void refuse(HttpServletResponse response, int status, String error, String description)
            throws IOException {
        String challenge = "Bearer error=\"" + error + "\", error_description=\"" + description + "\"";
        if (status == 403) {
            challenge += ", scope=\"scim\"";
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        ScimErrors.write(response, status, null, description);
    }
}
