package com.example.authserver.device;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checks a user code typed on {@code /activate} with the framework's own device verification (the code exists, is
 * unused and unexpired; the grant is tied to the signed-in user and gets a consent state), then sends the user to the
 * consent page, always: even a remembered consent is asked again, so that a code slipped to the user by someone else
 * (RFC 8628, section 5.4) is never approved without the user seeing which application and which code it is.
 * <p>
 * The framework's verification endpoint takes codes by GET and without CSRF protection; {@link DeviceFlow} leaves it
 * only the consent form, and codes come in here, behind the application chain's CSRF check and rate limits.
 */
@Component
class UserCodeCheck {

    /** The consent page of {@code pages/ConsentController}, which posts back to the verification endpoint. */
    static final String CONSENT_PAGE = "/oauth2/consent";

    private final OAuth2DeviceVerificationAuthenticationProvider verification;

    private final AuthorizationServerSettings settings;

    UserCodeCheck(
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            OAuth2AuthorizationConsentService consents,
            AuthorizationServerSettings settings) {
        this.verification = new OAuth2DeviceVerificationAuthenticationProvider(clients, authorizations, consents);
        this.verification.setAuthorizationConsentRequired(context -> true);
        this.settings = settings;
    }

    /**
     * Where to send the user to approve the device: the consent page; or null if the code is unknown, used or expired.
     *
     * @param userCode the code as stored ({@link UserCodes#normalize})
     */
    String consentPageFor(Authentication user, String userCode) {
        AuthorizationServerContextHolder.setContext(new Context(settings));
        try {
            Authentication result = verification.authenticate(
                    new OAuth2DeviceVerificationAuthenticationToken(user, userCode, Map.of()));
            if (!(result instanceof OAuth2DeviceAuthorizationConsentAuthenticationToken consent)) {
                return null;
            }
            return UriComponentsBuilder.fromPath(CONSENT_PAGE)
                    .queryParam("scope", String.join(" ", consent.getRequestedScopes()))
                    .queryParam("client_id", consent.getClientId())
                    .queryParam("state", consent.getState())
                    .queryParam("user_code", consent.getUserCode())
                    .encode()
                    .build()
                    .toUriString();
        } catch (OAuth2AuthenticationException ex) {
            return null;
        } finally {
            AuthorizationServerContextHolder.resetContext();
        }
    }

    /**
     * What the provider asks of the request's context: only the settings (for the verification endpoint's address).
     * Pages run outside the protocol chain, which would otherwise set it.
     */
    private record Context(AuthorizationServerSettings settings) implements AuthorizationServerContext {

        @Override
        public String getIssuer() {
            return settings.getIssuer();
        }

        @Override
        public AuthorizationServerSettings getAuthorizationServerSettings() {
            return settings;
        }
    }
}
