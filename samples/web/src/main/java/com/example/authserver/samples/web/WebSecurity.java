package com.example.authserver.samples.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OidcBackChannelLogoutHandler;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in, sign-out and back-channel logout with the authorization server (client registration {@code interactive}
 * in application.yml):
 * <ul>
 *   <li>The home page and the style sheet are public; every other page needs a signed-in user, and sends others to
 *       the server's sign-in (OpenID Connect authorization code flow with PKCE, which the server requires).
 *   <li>Sign out (a POST from the home page) ends the session here, then at the server (RP-initiated logout), which
 *       sends the browser back to this application's home page.
 *   <li>When the user's session ends at the server (signed out there, or from its sessions page), the server posts a
 *       logout token to {@code /logout/connect/back-channel/interactive}: the matching session here ends too.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain webFilterChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/", "/css/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(
                        authorization -> authorization.authorizationRequestResolver(withPkce(registrations))))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtTheServer(registrations)))
                // the handler is the backChannelLogout bean below
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                // the pages load nothing but this application's own style sheet
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Authorization requests with a PKCE challenge (the server requires it of every client). */
    private static DefaultOAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** RP-initiated logout: after the local sign-out, to the server's end-session endpoint, and back home. */
    private static OidcClientInitiatedLogoutSuccessHandler signOutAtTheServer(
            ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }

    /**
     * The access tokens of signed-in users for the API calls: the one from sign-in while it is valid, else a new one
     * from the refresh token. A refresh also brings a new ID token, which replaces the signed-in user's (Spring's
     * OidcAuthorizedClientRefreshedEventListener hears of it through the event): sign-out names the ID token in
     * {@code id_token_hint}, and the server knows only the newest one.
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients,
            ApplicationEventPublisher events) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setApplicationEventPublisher(events);
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
                new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh));
        return manager;
    }

    /** The sessions signed in through the server, by their {@code sid}, for back-channel logout. */
    @Bean
    OidcSessionRegistry oidcSessions() {
        return new InMemoryOidcSessionRegistry();
    }

    /**
     * Back-channel logout: for each session a valid logout token names, Spring sends a request carrying that session's
     * cookie to this application's logout endpoint. Its default address comes from the logout request's Host header,
     * which the sender chooses: a forged one would send the victim's session cookie elsewhere and leave the session
     * signed in. The address is this application's own, once its port is known.
     */
    @Bean
    OidcBackChannelLogoutHandler backChannelLogout(OidcSessionRegistry sessions) {
        return new OidcBackChannelLogoutHandler(sessions);
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> backChannelLogoutAddress(OidcBackChannelLogoutHandler handler) {
        return event -> handler.setLogoutUri(
                "http://127.0.0.1:" + event.getWebServer().getPort() + "/logout/connect/back-channel/{registrationId}");
    }

    /**
     * http://localhost:8080 is sent to http://127.0.0.1:8080. The authorization server runs on localhost, and a
     * browser shares cookies between the ports of one host: on localhost, this application's session cookie and the
     * server's would overwrite each other. The redirect URI registered at the server is the 127.0.0.1 one, too.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loopbackAddress() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if ("localhost".equalsIgnoreCase(request.getServerName())
                                && "GET".equals(request.getMethod())) {
                            // the path and query as the browser sent them (still encoded): nothing to parse
                            String query = request.getQueryString();
                            response.sendRedirect(request.getScheme() + "://127.0.0.1:" + request.getServerPort()
                                    + request.getRequestURI() + (query == null ? "" : "?" + query));
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
