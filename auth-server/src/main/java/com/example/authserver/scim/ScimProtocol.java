package com.example.authserver.scim;

import com.example.authserver.identity.UserManager;
import com.example.authserver.security.ProtocolContribution;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * SCIM's part of the protocol chain: {@code /scim/v2/**} is a resource of this server like UserInfo, so its access
 * tokens are verified by the same resource-server setup (JWT {@code at+jwt}, DPoP). Without a token the answer is
 * the bearer challenge (never the sign-in page, whatever the client accepts), then {@link ScimAccess} checks scope,
 * audience and user, and {@link ScimErrorBodies} gives each error a SCIM body. No cookies are read: no CSRF.
 */
@Component
class ScimProtocol implements ProtocolContribution {

    static final String BASE = "/scim/v2";

    private static final RequestMatcher ENDPOINTS =
            PathPatternRequestMatcher.withDefaults().matcher(BASE + "/**");

    private final UserManager users;

    private final RegisteredClientRepository clients;

    ScimProtocol(UserManager users, RegisteredClientRepository clients) {
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        http.securityMatchers(matchers -> matchers.requestMatchers(ENDPOINTS));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ENDPOINTS));
        // registered before the chain's own entry points, so it wins for these paths
        http.exceptionHandling(exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(new BearerTokenAuthenticationEntryPoint(), ENDPOINTS));
        http.addFilterBefore(new ScimErrorBodies(ENDPOINTS), SecurityContextHolderFilter.class);
        http.addFilterAfter(new ScimAccess(ENDPOINTS, users, clients), AuthorizationFilter.class);
    }
}
