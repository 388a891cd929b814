package com.example.authserver.security;

import com.example.authserver.audit.AuditTrail;
import com.example.authserver.authorization.RefreshTokenReplay;
import com.example.authserver.authorization.RememberedConsentService;
import com.example.authserver.claims.TokenClaims;
import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.ClientSecretRotation;
import com.example.authserver.clients.Clients;
import com.example.authserver.keys.SigningAlgorithms;
import com.example.authserver.system.IssuerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The protocol filter chain: the OAuth 2.1 and OpenID Connect endpoints (authorize, token, JWKS,
 * discovery, UserInfo, introspection, revocation, logout). Pages such as sign-in and consent are
 * served by the application chain in {@link ApplicationSecurity}. Where the framework's defaults are not enough:
 * authorization responses ({@link AuthorizationResponses}), who may introspect ({@link IntrospectionAccess}) and
 * refresh token replay ({@link RefreshTokenReplay}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    static final String CONSENT_PAGE = "/oauth2/consent";

    private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

    /** RFC 9207: authorization responses say who issued them ({@link AuthorizationResponses}). */
    private static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

    private static final String ISS_PARAMETER_SUPPORTED = "authorization_response_iss_parameter_supported";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            TokenClaims tokenClaims,
            ClientSecretHashing clientSecrets,
            SigningAlgorithms signingAlgorithms,
            SignedInUsers signedInUsers,
            RefreshTokenReplay refreshTokenReplay,
            AuthorizationServerSettings settings,
            RegisteredClientRepository registeredClients,
            OAuth2AuthorizationService authorizations,
            ClientSecretRotation rotation,
            AuditTrail audit,
            List<ProtocolContribution> contributions)
            throws Exception {
        http.addFilterAfter(signedInUsers.stampValidation(), SecurityContextHolderFilter.class);
        http.addFilterAfter(signedInUsers.passwordChangeGate(), SecurityContextHolderFilter.class);
        http.oauth2AuthorizationServer(server -> {
            // securityMatchers adds (a contribution's own endpoint adds itself the same way), securityMatcher replaces
            http.securityMatchers(matchers -> matchers.requestMatchers(server.getEndpointsMatcher()));
            // this server's own protected-resource metadata (RFC 9728), which its bearer challenges link to
            http.securityMatchers(matchers -> matchers.requestMatchers(
                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, PROTECTED_RESOURCE_METADATA)));
            server.clientAuthentication(clients -> clients.authenticationProviders(providers ->
                    providers.replaceAll(provider -> provider instanceof ClientSecretAuthenticationProvider secret
                            ? withPreviousSecrets(secret, clientSecrets, registeredClients, authorizations, rotation)
                            : provider)));
            server.authorizationEndpoint(authorize -> authorize
                    .consentPage(CONSENT_PAGE)
                    .authorizationResponseHandler(AuthorizationResponses.success())
                    .errorResponseHandler(AuthorizationResponses.failure())
                    .authenticationProviders(providers -> {
                        providers.forEach(provider -> {
                            if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                                consent.setAuthorizationConsentCustomizer(
                                        RememberedConsentService.applyConsentChoices());
                            }
                            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                                request.setAuthenticationValidator(requestValidator(contributions));
                            }
                        });
                        contributions.forEach(contribution -> contribution.authorizationProviders(providers));
                    }));
            server.tokenEndpoint(token -> token.authenticationProviders(providers -> {
                providers.replaceAll(provider -> provider instanceof OAuth2RefreshTokenAuthenticationProvider
                        ? refreshTokenReplay.detecting(provider)
                        : provider);
                contributions.forEach(contribution -> contribution.tokenProviders(providers));
            }));
            server.tokenRevocationEndpoint(revocation -> revocation.authenticationProviders(providers ->
                    providers.replaceAll(provider -> provider instanceof OAuth2TokenRevocationAuthenticationProvider
                            ? new RevocationAudit(provider, authorizations, audit)
                            : provider)));
            server.tokenIntrospectionEndpoint(introspection -> introspection.authenticationProviders(providers ->
                    providers.replaceAll(provider -> provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                            ? new IntrospectionAccess(provider)
                            : provider)));
            server.authorizationServerMetadataEndpoint(metadata ->
                    metadata.authorizationServerMetadataCustomizer(config -> {
                        // RFC 8414 clients (MCP clients among them) read only this document: same scopes as discovery
                        config.scopes(AuthorizationServerSecurity::advertisedScopes)
                                .claim(ISS_PARAMETER_SUPPORTED, true);
                        config.claims(claims -> contributions.forEach(contribution -> contribution.advertise(claims)));
                    }));
            server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(tokenClaims.userInfoMapper()))
                    .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(config -> {
                        config.scopes(AuthorizationServerSecurity::advertisedScopes)
                                .idTokenSigningAlgorithms(algorithms -> {
                                    algorithms.clear();
                                    algorithms.addAll(signingAlgorithms.current());
                                })
                                .claim(ISS_PARAMETER_SUPPORTED, true);
                        config.claims(claims -> contributions.forEach(contribution -> contribution.advertise(claims)));
                    })));
            contributions.forEach(contribution -> contribution.configure(server, http));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SignedInUsers.LOGIN_PAGE), userAgents())
                        .defaultAuthenticationEntryPointFor(new ClientAuthenticationEntryPoint(), clientCalls()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                resource -> thisServerAsResource(resource, settings.getIssuer())))
                        .bearerTokenResolver(new ClientEndpointBearerTokens(settings))
                        .jwt(Customizer.withDefaults()));
        SecurityHeaders.apply(http);
        return http.build();
    }

    /**
     * The framework's client secret check with this server's hashing ({@link ClientSecretHashing}), accepting a
     * rotated-out secret while its overlap lasts ({@link PreviousSecretAuthentication}).
     */
    private static AuthenticationProvider withPreviousSecrets(
            ClientSecretAuthenticationProvider provider,
            ClientSecretHashing clientSecrets,
            RegisteredClientRepository registeredClients,
            OAuth2AuthorizationService authorizations,
            ClientSecretRotation rotation) {
        provider.setPasswordEncoder(clientSecrets.passwordEncoder());
        return new PreviousSecretAuthentication(
                provider, registeredClients, authorizations, clientSecrets.passwordEncoder(), rotation);
    }

    /** {@code scopes_supported} of both discovery documents: the identity scopes, then the APIs' scopes. */
    private static void advertisedScopes(List<String> scopes) {
        List<String> all = new ArrayList<>(Clients.IDENTITY_SCOPES);
        all.removeAll(scopes);
        scopes.addAll(all);
    }

    /**
     * UserInfo and the other bearer-token endpoints here are a resource of this server's own issuer: the configured
     * one, or else the one the request names (the framework's default resource for this path).
     */
    private static void thisServerAsResource(OAuth2ProtectedResourceMetadata.Builder metadata, String issuer) {
        metadata.claims(claims -> {
            Object resource = issuer != null ? issuer : claims.get("resource");
            claims.put("resource", resource);
            claims.put("authorization_servers", List.of(resource));
        });
    }

    /** The redirect URI and scope checks, then each feature's. */
    private static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> requestValidator(
            List<ProtocolContribution> contributions) {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator = AuthorizationResponses.validator();
        for (ProtocolContribution contribution : contributions) {
            validator = validator.andThen(contribution.authorizationRequestValidator());
        }
        return validator;
    }

    /** POSTs to the endpoints for clients (token, introspection, revocation, ...): all but the authorization one. */
    private static RequestMatcher clientCalls() {
        return new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/**"),
                new NegatedRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZATION_ENDPOINT)),
                new NegatedRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/device_verification")));
    }

    /**
     * Who is sent to the sign-in page: every request to the authorization endpoint (an endpoint for user agents,
     * whatever they accept) except script calls asking for JSON, and requests elsewhere that ask for HTML. Everything
     * else gets the bearer-token challenge of an API.
     */
    private static RequestMatcher userAgents() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        MediaTypeRequestMatcher json = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON);
        json.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        RequestMatcher scriptAskingForJson =
                new AndRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"), json);
        RequestMatcher authorizationEndpoint = new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZATION_ENDPOINT),
                new NegatedRequestMatcher(scriptAskingForJson));
        // a client calling an endpoint for clients gets invalid_client, even when it accepts HTML
        return new OrRequestMatcher(
                authorizationEndpoint, new AndRequestMatcher(html, new NegatedRequestMatcher(clientCalls())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (issuer.getIssuer() != null && !issuer.getIssuer().isBlank()) {
            settings.issuer(issuer.getIssuer());
        }
        return settings.build();
    }
}
