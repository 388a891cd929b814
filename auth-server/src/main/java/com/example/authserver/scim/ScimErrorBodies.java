package com.example.authserver.scim;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every SCIM answer that is an error without a SCIM body gets one: the bearer challenge's 401 and 403, the
 * container's and Spring MVC's {@code sendError} (unknown path, wrong method), and anything unexpected. A SCIM client
 * never sees an HTML error page or a stack trace, only RFC 7644's error JSON.
 */
final class ScimErrorBodies extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ScimErrorBodies.class);

    private final RequestMatcher endpoints;

    ScimErrorBodies(RequestMatcher endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoints.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Capturing capturing = new Capturing(response);
        try {
            chain.doFilter(request, capturing);
        } catch (IOException | ServletException | RuntimeException e) {
            log.error("SCIM request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                ScimErrors.write(response, 500, null, "The server could not complete the request.");
            }
            return;
        }
        int status = capturing.errorStatus != 0 ? capturing.errorStatus : response.getStatus();
        if (status >= 400 && !capturing.bodyStarted && !response.isCommitted()) {
            ScimErrors.write(response, status, null, detail(status, response.getHeader(HttpHeaders.WWW_AUTHENTICATE)));
        }
    }

    /** The bearer challenge's {@code error_description} where there is one: it says what is wrong with the token. */
    private static String detail(int status, String challenge) {
        if (challenge != null) {
            int start = challenge.indexOf("error_description=\"");
            if (start >= 0) {
                int from = start + "error_description=\"".length();
                int end = challenge.indexOf('"', from);
                if (end > from) {
                    return challenge.substring(from, end);
                }
            }
            if (status == 401) {
                return "An access token of this server is required.";
            }
        }
        return ScimErrors.reason(status);
    }

    /** Keeps {@code sendError} from reaching the container's error page, and notes whether a body was begun. */
    private static final class Capturing extends HttpServletResponseWrapper {

        private int errorStatus;

        private boolean bodyStarted;

        Capturing(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) {
            errorStatus = status;
            setStatus(status);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }
}
