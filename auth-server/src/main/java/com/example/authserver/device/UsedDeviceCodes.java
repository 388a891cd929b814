package com.example.authserver.device;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;

/**
 * The framework answers a device code presented again after it brought its tokens with {@code access_denied}, as if
 * the user had said no, which would make a device tell its user so. This wrapper answers {@code invalid_grant}
 * instead: the code is spent.
 */
final class UsedDeviceCodes implements AuthenticationProvider {

    private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

    private final AuthenticationProvider delegate;

    private final OAuth2AuthorizationService authorizations;

    UsedDeviceCodes(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations) {
        this.delegate = delegate;
        this.authorizations = authorizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return delegate.authenticate(authentication);
        } catch (OAuth2AuthenticationException ex) {
            if (OAuth2ErrorCodes.ACCESS_DENIED.equals(ex.getError().getErrorCode())
                    && authentication instanceof OAuth2DeviceCodeAuthenticationToken request) {
                OAuth2Authorization authorization = authorizations.findByToken(request.getDeviceCode(), DEVICE_CODE);
                if (authorization != null && authorization.getAccessToken() != null) {
                    throw new OAuth2AuthenticationException(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The device code was used already.", null));
                }
            }
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
