package com.example.authserver.ciba;

import com.example.authserver.security.ClientEndpoints;
import com.example.authserver.security.ProtocolContribution;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.OAuth2ClientAuthenticationFilter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretPostAuthenticationConverter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * CIBA's part of the protocol chain (security/AuthorizationServerSecurity). The framework has no CIBA, so the
 * backchannel authentication endpoint is added here: into the chain's security matcher, out of CSRF protection (a
 * client endpoint, like the token endpoint), with client authentication by {@code client_secret_basic} or
 * {@code client_secret_post} through the framework's {@link OAuth2ClientAuthenticationFilter} and the chain's client
 * authentication providers (hashed secrets), then {@link BackchannelAuthenticationFilter}. The CIBA grant joins the
 * token endpoint's converters and providers; discovery says poll mode.
 */
@Component
class CibaProtocol implements ProtocolContribution {

    static final AuthorizationGrantType GRANT_TYPE = new AuthorizationGrantType("urn:openid:params:grant-type:ciba");

    static final String ENDPOINT_PATH = ClientEndpoints.BACKCHANNEL_AUTHENTICATION;

    static final RequestMatcher ENDPOINT =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, ENDPOINT_PATH);

    private final BackchannelAuthentication backchannel;

    private final CibaRequests requests;

    private final CibaTokens tokens;

    private final Clock clock;

    CibaProtocol(BackchannelAuthentication backchannel, CibaRequests requests, CibaTokens tokens, Clock clock) {
        this.backchannel = backchannel;
        this.requests = requests;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        http.securityMatchers(matchers -> matchers.requestMatchers(ENDPOINT));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ENDPOINT));
        // the chain's authentication manager exists only once the chain is built: looked up at the first request
        AuthenticationManager clients = authentication ->
                http.getSharedObject(AuthenticationManager.class).authenticate(authentication);
        OAuth2ClientAuthenticationFilter clientAuthentication = new OAuth2ClientAuthenticationFilter(clients, ENDPOINT);
        clientAuthentication.setAuthenticationConverter(new DelegatingAuthenticationConverter(
                new ClientSecretBasicAuthenticationConverter(), new ClientSecretPostAuthenticationConverter()));
        // where the framework puts its own client authentication filter (which only knows its own endpoints)
        http.addFilterAfter(clientAuthentication, AbstractPreAuthenticatedProcessingFilter.class);
        http.addFilterAfter(new BackchannelAuthenticationFilter(backchannel), AuthorizationFilter.class);
        @SuppressWarnings("unchecked")
        CibaGrantProvider provider = new CibaGrantProvider(
                requests,
                tokens,
                () -> (OAuth2TokenGenerator<? extends OAuth2Token>) http.getSharedObject(OAuth2TokenGenerator.class),
                clock);
        server.tokenEndpoint(token ->
                token.accessTokenRequestConverter(new CibaGrantConverter()).authenticationProvider(provider));
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        metadata.put("backchannel_authentication_endpoint", metadata.get("issuer") + ENDPOINT_PATH);
        metadata.put("backchannel_token_delivery_modes_supported", List.of("poll"));
        metadata.put("backchannel_user_code_parameter_supported", false);
        List<Object> grantTypes = new ArrayList<>();
        if (metadata.get("grant_types_supported") instanceof List<?> existing) {
            grantTypes.addAll(existing);
        }
        if (!grantTypes.contains(GRANT_TYPE.getValue())) {
            grantTypes.add(GRANT_TYPE.getValue());
        }
        metadata.put("grant_types_supported", grantTypes);
    }
}
