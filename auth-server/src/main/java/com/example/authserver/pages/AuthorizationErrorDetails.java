package com.example.authserver.pages;

import com.example.authserver.security.AuthorizationRequestError;
import com.example.authserver.system.PrintableText;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the error page (templates/error.html) says of an authorization request that could not go back to the client,
 * while {@code authforge.error-descriptions} is on (development): the OAuth error code, its description, the
 * client_id and the redirect_uri, so a developer sees which parameter was wrong. Off (application-prod.yml), the page
 * says "Bad request" only. The values come from the request: the page escapes them, and here they are made printable
 * and shortened.
 */
@ControllerAdvice(assignableTypes = ErrorController.class)
class AuthorizationErrorDetails {

    /** At most this many characters of each value are shown. */
    static final int MAX_LENGTH = 200;

    private final PageProperties properties;

    AuthorizationErrorDetails(PageProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("authorizationError")
    AuthorizationRequestError authorizationError(HttpServletRequest request) {
        if (!properties.isErrorDescriptions()
                || !(request.getAttribute(AuthorizationRequestError.ATTRIBUTE)
                        instanceof AuthorizationRequestError error)) {
            return null;
        }
        return new AuthorizationRequestError(
                shown(error.error()), shown(error.description()), shown(error.clientId()), shown(error.redirectUri()));
    }

    static String shown(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String printable = PrintableText.of(value);
        return printable.length() <= MAX_LENGTH ? printable : PrintableText.cut(printable, MAX_LENGTH) + "\u2026";
    }
}
