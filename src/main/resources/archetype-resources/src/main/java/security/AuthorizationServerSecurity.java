package ${package}.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ${package}.authorization.RememberedConsents;
import ${package}.claims.TokenClaims;
import ${package}.clients.ClientSecretHashing;
import ${package}.clients.Clients;
import ${package}.keys.SigningAlgorithms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The protocol filter chain: the OAuth 2.1 and OpenID Connect endpoints (authorize, token, JWKS,
 * discovery, UserInfo, introspection, revocation, logout). Pages such as sign-in and consent are
 * served by the application chain in {@link ApplicationSecurity}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    static final String CONSENT_PAGE = "/oauth2/consent";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, TokenClaims tokenClaims,
            ClientSecretHashing clientSecrets, SigningAlgorithms signingAlgorithms, SignedInUsers signedInUsers)
            throws Exception {
        http.addFilterAfter(signedInUsers.stampValidation(), SecurityContextHolderFilter.class);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.stream()
                    .filter(ClientSecretAuthenticationProvider.class::isInstance)
                    .map(ClientSecretAuthenticationProvider.class::cast)
                    .forEach(provider -> provider.setPasswordEncoder(clientSecrets.passwordEncoder()))));
            server.authorizationEndpoint(authorize -> authorize.consentPage(CONSENT_PAGE)
                    .authenticationProviders(providers -> providers.stream()
                            .filter(OAuth2AuthorizationConsentAuthenticationProvider.class::isInstance)
                            .map(OAuth2AuthorizationConsentAuthenticationProvider.class::cast)
                            .forEach(provider -> provider.setAuthorizationConsentCustomizer(
                                    RememberedConsents.applyConsentChoices()))));
            server.oidc(oidc -> oidc
                    .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(tokenClaims.userInfoMapper()))
                    .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(
                            config -> config.scopes(scopes -> {
                                List<String> all = new ArrayList<>(Clients.IDENTITY_SCOPES);
                                all.addAll(Clients.API_SCOPES);
                                all.removeAll(scopes);
                                scopes.addAll(all);
                            }).idTokenSigningAlgorithms(algorithms -> {
                                algorithms.clear();
                                algorithms.addAll(signingAlgorithms.current());
                            }))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(ApplicationSecurity.LOGIN_PAGE), browsers())
                        .defaultAuthenticationEntryPointFor(new ClientAuthenticationRequired(),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth2/**")))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        SecurityHeaders.apply(http);
        return http.build();
    }

    /** Requests from a browser (asking for HTML, not just accepting anything) are sent to the sign-in page. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
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
