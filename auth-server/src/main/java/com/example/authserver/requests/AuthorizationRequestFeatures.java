package com.example.authserver.requests;

import com.example.authserver.security.AuthorizationResponses;
import com.example.authserver.security.ProtocolContribution;
import com.nimbusds.jose.JWSAlgorithm;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pushed authorization requests (RFC 9126) from every client, required of some ({@link RequestSettings}); signed
 * request objects (RFC 9101) by value, directly or pushed; {@code response_mode=form_post}. The pushed requests are
 * checked as authorization requests are ({@link AuthorizationResponses#validator()}), and once more when their
 * {@code request_uri} comes back to the authorization endpoint with the other features' checks.
 */
@Component
class AuthorizationRequestFeatures implements ProtocolContribution {

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationService authorizations;

    private final RequestObjects requestObjects;

    /** Every feature's checks, this one's included; read when a request is pushed (they include this bean). */
    private final ObjectProvider<ProtocolContribution> contributions;

    AuthorizationRequestFeatures(
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            RequestObjects requestObjects,
            ObjectProvider<ProtocolContribution> contributions) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.requestObjects = requestObjects;
        this.contributions = contributions;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        server.authorizationEndpoint(authorize -> authorize.authorizationRequestConverter(
                new AuthorizationRequestReader(clients, authorizations, requestObjects)));
        server.pushedAuthorizationRequestEndpoint(pushed -> pushed.pushedAuthorizationRequestConverter(
                        new PushedRequestReader(requestObjects))
                .authenticationProviders(providers -> providers.forEach(provider -> {
                    if (provider instanceof OAuth2PushedAuthorizationRequestAuthenticationProvider pushedRequests) {
                        pushedRequests.setAuthenticationValidator(
                                AuthorizationResponses.validator().andThen(this::featureChecks));
                    }
                })));
    }

    /** A pushed request is refused at once for what would refuse it at the authorization endpoint (RFC 9126 2.1). */
    private void featureChecks(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        contributions
                .orderedStream()
                .forEach(feature -> feature.authorizationRequestValidator().accept(context));
    }

    @Override
    public Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> authorizationRequestValidator() {
        return ResponseModes::validate;
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        var context = AuthorizationServerContextHolder.getContext();
        metadata.put(
                "pushed_authorization_request_endpoint",
                UriComponentsBuilder.fromUriString(context.getIssuer())
                        .path(context.getAuthorizationServerSettings().getPushedAuthorizationRequestEndpoint())
                        .build()
                        .toUriString());
        metadata.put("require_pushed_authorization_requests", false);
        metadata.put("request_parameter_supported", true);
        // request_uri only as the pushed authorization request endpoint hands it out
        metadata.put("request_uri_parameter_supported", false);
        metadata.put(
                "request_object_signing_alg_values_supported",
                RequestObjects.ALGORITHMS.stream().map(JWSAlgorithm::getName).toList());
        metadata.put("response_modes_supported", ResponseModes.SUPPORTED);
    }
}
