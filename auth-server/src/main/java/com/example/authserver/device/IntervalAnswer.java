package com.example.authserver.device;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The device authorization answer as the framework writes it, plus the {@code interval} the device must keep between
 * polls ({@link DevicePolls#INTERVAL_SECONDS}), which the framework leaves out.
 */
final class IntervalAnswer implements AuthenticationSuccessHandler {

    private final OAuth2DeviceAuthorizationResponseHttpMessageConverter converter =
            new OAuth2DeviceAuthorizationResponseHttpMessageConverter();

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2DeviceAuthorizationRequestAuthenticationToken codes =
                (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
        String verificationUri = AuthorizationServerContextHolder.getContext().getIssuer() + DevicePages.ACTIVATE;
        String complete = UriComponentsBuilder.fromUriString(verificationUri)
                .queryParam("user_code", codes.getUserCode().getTokenValue())
                .build()
                .toUriString();
        OAuth2DeviceAuthorizationResponse answer = OAuth2DeviceAuthorizationResponse.with(
                        codes.getDeviceCode(), codes.getUserCode())
                .verificationUri(verificationUri)
                .verificationUriComplete(complete)
                .interval(DevicePolls.INTERVAL_SECONDS)
                .build();
        converter.write(answer, null, new ServletServerHttpResponse(response));
    }
}
