package com.example.authserver.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * OAuth 2.0 Form Post Response Mode: the authorization response (code or error, with {@code state} and {@code iss})
 * as a form the browser posts to the redirect URI, so the code never appears in a URL (history, logs, Referer). The
 * page submits itself with {@code /js/form-post.js}: the Content-Security-Policy ({@link SecurityHeaders}) forbids
 * inline script and sets no {@code form-action}, so the form may go to any registered redirect URI. Without script, a
 * submit button (labelled by the browser, in the user's language) does it.
 *
 * <p>Whether a response is sent this way is decided by the feature that reads the authorization request
 * ({@code requests/ResponseModes}), which marks the request with {@link #requestFor}.
 */
public final class FormPostResponse {

    private static final String REQUESTED = FormPostResponse.class.getName() + ".requested";

    private FormPostResponse() {}

    /** Marks the request: its authorization response, success or error, is to be form-posted. */
    public static void requestFor(HttpServletRequest request) {
        request.setAttribute(REQUESTED, Boolean.TRUE);
    }

    static boolean isRequested(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REQUESTED));
    }

    static void write(
            HttpServletRequest request, HttpServletResponse response, String redirectUri, Map<String, String> fields)
            throws IOException {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(request.getServerName()))
                .append("</title>\n<script src=\"")
                .append(escape(request.getContextPath() + "/js/form-post.js"))
                .append(
                        "\" defer></script></head>\n<body>\n<form id=\"authorization-response\" method=\"post\" action=\"")
                .append(escape(redirectUri))
                .append("\">\n");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">\n"));
        html.append("<noscript><input type=\"submit\"></noscript>\n</form>\n</body></html>\n");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
