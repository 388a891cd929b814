package com.example.authserver.device;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;

/**
 * {@code slow_down} (RFC 8628 §3.5), which the framework does not send: it is the variant of
 * {@code authorization_pending} for a device that polls before its interval has passed, so only a pending answer
 * becomes one. A poll that finds the user's decision (tokens, {@code access_denied}) or an expired code gets the
 * framework's answer, however fast it came.
 */
final class SlowDown implements AuthenticationProvider {

    static final String SLOW_DOWN = "slow_down";

    private static final String AUTHORIZATION_PENDING = "authorization_pending";

    private final AuthenticationProvider delegate;

    private final DevicePolls polls;

    SlowDown(AuthenticationProvider delegate, DevicePolls polls) {
        this.delegate = delegate;
        this.polls = polls;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return delegate.authenticate(authentication);
        } catch (OAuth2AuthenticationException ex) {
            if (AUTHORIZATION_PENDING.equals(ex.getError().getErrorCode())
                    && authentication instanceof OAuth2DeviceCodeAuthenticationToken request
                    && !polls.inTime(request.getDeviceCode())) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        SLOW_DOWN,
                        "Polled before the interval passed; wait " + DevicePolls.SLOW_DOWN_SECONDS
                                + " seconds longer between polls.",
                        null));
            }
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
