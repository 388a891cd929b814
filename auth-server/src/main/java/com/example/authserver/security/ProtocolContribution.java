package com.example.authserver.security;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;

/**
 * A protocol feature's part of the protocol filter chain ({@link AuthorizationServerSecurity}), as a bean of the
 * feature (device flow, pushed requests, DPoP, token exchange, logout, ...): the endpoints and grants it switches on,
 * how it changes the framework's providers, and what discovery says about it. The chain collects them, so each flow
 * lives in its own package and discovery advertises a flow exactly when its bean is there.
 */
public interface ProtocolContribution {

    /**
     * Endpoints, grant types, converters and filters the feature adds. Use the configurer's adding methods
     * ({@code authenticationProvider}, {@code accessTokenRequestConverter}, ...), never the list consumers: those
     * replace each other, so the chain calls them once and hands the lists to the methods below. An endpoint the
     * framework does not know joins the chain with {@code http.securityMatchers(m -> m.requestMatchers(...))}, which
     * adds to the framework's endpoints (never {@code http.securityMatcher}, which would replace them).
     */
    default void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {}

    /** The token endpoint's providers, framework's and added: wrap, replace or reorder them. */
    default void tokenProviders(List<AuthenticationProvider> providers) {}

    /** The authorization endpoint's providers (code request and consent). */
    default void authorizationProviders(List<AuthenticationProvider> providers) {}

    /** Checks of an authorization request, run after the redirect URI and scope checks. */
    default Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> authorizationRequestValidator() {
        return context -> {};
    }

    /**
     * What both discovery documents (OAuth 2.0 metadata and OpenID Connect configuration) say of the feature: add
     * entries, or values to the lists already there ({@code grant_types_supported}, say).
     */
    default void advertise(Map<String, Object> metadata) {}
}
