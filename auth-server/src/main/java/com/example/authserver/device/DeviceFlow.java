package com.example.authserver.device;

import com.example.authserver.authorization.RememberedConsentService;
import com.example.authserver.claims.TokenClaims;
import com.example.authserver.security.ProtocolContribution;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2DeviceVerificationAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * The device authorization grant (RFC 8628), switched on in the protocol chain: the device authorization endpoint
 * (device and user codes, {@code verification_uri} {@code /activate}), public device clients
 * ({@link DeviceClientAuthentication}), and the framework's verification endpoint for the consent form only (user
 * codes are typed on {@code /activate}: {@link ActivateController}, {@link UserCodeCheck}). The device polls the token
 * endpoint with the device code grant, which the framework serves once the codes exist: {@code authorization_pending},
 * {@code access_denied}, {@code expired_token}, then the tokens, with an ID token for {@code openid}
 * ({@link DeviceIdTokens}); {@code invalid_grant} for a spent device code ({@link UsedDeviceCodes}); {@code slow_down} for a device that polls
 * too fast ({@link SlowDown}, which the framework lacks).
 */
@Component
class DeviceFlow implements ProtocolContribution {

    static final String DEVICE_AUTHORIZATION_ENDPOINT = "device_authorization_endpoint";

    private final RegisteredClientRepository clients;

    private final AuthorizationServerSettings endpoints;

    private final OAuth2AuthorizationService authorizations;

    private final DeviceIdTokens idTokens;

    private final DevicePolls polls;

    DeviceFlow(
            RegisteredClientRepository clients,
            AuthorizationServerSettings endpoints,
            OAuth2AuthorizationService authorizations,
            JwtEncoder jwtEncoder,
            TokenClaims tokenClaims,
            DevicePolls polls) {
        this.polls = polls;
        this.clients = clients;
        this.endpoints = endpoints;
        this.authorizations = authorizations;
        JwtGenerator generator = new JwtGenerator(jwtEncoder);
        generator.setJwtCustomizer(tokenClaims);
        this.idTokens = new DeviceIdTokens(authorizations, generator);
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        server.clientAuthentication(authentication -> authentication
                .authenticationConverter(new DeviceClientAuthentication.Converter(endpoints, clients))
                .authenticationProvider(new DeviceClientAuthentication.Provider(clients)));
        server.deviceAuthorizationEndpoint(deviceAuthorization -> deviceAuthorization
                .verificationUri(DevicePages.ACTIVATE)
                .deviceAuthorizationResponseHandler(new IntervalAnswer())
                .authenticationProviders(providers -> providers.replaceAll(provider -> {
                    if (provider instanceof OAuth2DeviceAuthorizationRequestAuthenticationProvider request) {
                        request.setUserCodeGenerator(new UserCodes());
                        return idTokens.requests(request);
                    }
                    return provider;
                })));
        server.deviceVerificationEndpoint(verification -> verification
                .consentPage(UserCodeCheck.CONSENT_PAGE)
                .deviceVerificationRequestConverters(DeviceFlow::consentFormOnly)
                .authenticationProviders(providers -> {
                    providers.removeIf(OAuth2DeviceVerificationAuthenticationProvider.class::isInstance);
                    providers.forEach(provider -> {
                        if (provider instanceof OAuth2DeviceAuthorizationConsentAuthenticationProvider consent) {
                            consent.setAuthorizationConsentCustomizer(RememberedConsentService.applyConsentChoices());
                        }
                    });
                })
                .deviceVerificationResponseHandler((request, response, authentication) ->
                        response.sendRedirect(request.getContextPath() + DevicePages.ACTIVATE + "?approved"))
                .errorResponseHandler((request, response, exception) -> {
                    OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
                    if (OAuth2ErrorCodes.ACCESS_DENIED.equals(error.getErrorCode())) {
                        response.sendRedirect(request.getContextPath() + DevicePages.ACTIVATE + "?denied");
                    } else {
                        response.sendError(HttpStatus.BAD_REQUEST.value());
                    }
                }));
    }

    @Override
    public void tokenProviders(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> provider instanceof OAuth2DeviceCodeAuthenticationProvider
                ? idTokens.tokens(new UsedDeviceCodes(new SlowDown(provider, polls), authorizations))
                : provider);
    }

    /**
     * The verification endpoint keeps the consent form's converter; a user code sent there directly (by GET, without
     * CSRF token, past the rate limits of {@code /activate}) is refused instead of looked up.
     */
    private static void consentFormOnly(List<AuthenticationConverter> converters) {
        converters.removeIf(OAuth2DeviceVerificationAuthenticationConverter.class::isInstance);
        converters.add(request -> {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "Enter the code on " + DevicePages.ACTIVATE, null));
        });
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        metadata.putIfAbsent(
                DEVICE_AUTHORIZATION_ENDPOINT, metadata.get("issuer") + endpoints.getDeviceAuthorizationEndpoint());
        addTo(metadata, "grant_types_supported", AuthorizationGrantType.DEVICE_CODE.getValue());
    }

    @SuppressWarnings("unchecked")
    private static void addTo(Map<String, Object> metadata, String name, String value) {
        Object values = metadata.get(name);
        if (values instanceof Collection<?> list && !list.contains(value)) {
            ((Collection<String>) list).add(value);
        }
    }
}
