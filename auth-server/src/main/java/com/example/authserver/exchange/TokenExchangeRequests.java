package com.example.authserver.exchange;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2TokenExchangeAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a token exchange request with the framework's converter, which answers a token type it does not take (an ID
 * token, a refresh token, SAML) with {@code unsupported_token_type}, an error of token revocation; RFC 8693 section
 * 2.2.2 asks for {@code invalid_request}. Only access tokens (and JWT access tokens) can be exchanged here.
 */
final class TokenExchangeRequests implements AuthenticationConverter {

    private final AuthenticationConverter framework = new OAuth2TokenExchangeAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        try {
            return framework.convert(request);
        } catch (OAuth2AuthenticationException ex) {
            if (!"unsupported_token_type".equals(ex.getError().getErrorCode())) {
                throw ex;
            }
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "Only access tokens can be exchanged (urn:ietf:params:oauth:token-type:access_token or"
                            + " urn:ietf:params:oauth:token-type:jwt), for an access token.",
                    null));
        }
    }
}
