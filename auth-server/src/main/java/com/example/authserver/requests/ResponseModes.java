package com.example.authserver.requests;

import com.example.authserver.security.FormPostResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * {@code response_mode}: {@code query} (the default for the code flow) or {@code form_post} (OAuth 2.0 Form Post
 * Response Mode, {@code security/FormPostResponse}). {@code fragment} is not offered: a code in a fragment is read by
 * script, the very thing the code flow avoids. Anything else is refused.
 */
final class ResponseModes {

    static final String PARAMETER = "response_mode";

    static final String FORM_POST = "form_post";

    static final List<String> SUPPORTED = List.of("query", FORM_POST);

    private ResponseModes() {}

    /** Marks the request for a form-posted response if the authorization request asks for one. */
    static void remember(HttpServletRequest request, Object responseMode) {
        if (FORM_POST.equals(responseMode)) {
            FormPostResponse.requestFor(request);
        }
    }

    /** An authorization request check: an unknown, or repeated, response mode is an {@code invalid_request}. */
    static void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        Object responseMode = request.getAdditionalParameters().get(PARAMETER);
        if (responseMode != null && !SUPPORTED.contains(responseMode)) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_REQUEST,
                            "OAuth 2.0 Parameter: response_mode (supported: " + String.join(", ", SUPPORTED) + ")",
                            null),
                    request);
        }
    }
}
