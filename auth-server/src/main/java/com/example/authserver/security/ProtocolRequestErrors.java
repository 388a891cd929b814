package com.example.authserver.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests to the endpoints clients call directly (token, introspection, revocation, pushed authorization
 * requests, device authorization) whose parameters the servlet container cannot read (a malformed escape such
 * as {@code %zz}, bytes that are no UTF-8, a body over its size limit) or that Spring Security's firewall refuses
 * (control characters in a parameter or header) get RFC 6749's {@code invalid_request} as JSON, as every other
 * malformed request there does, instead of the generic error page. Both happen when the parameters are first
 * read, which is inside the protocol's own filters; elsewhere the firewall's refusals stay plain 400s. HTTP Basic
 * credentials whose client id decodes to blanks ({@code +:secret}) get {@code invalid_client}: Spring's converter
 * checks the id before decoding it, and failed on them with a 500.
 */
@Configuration(proxyBeanMethods = false)
class ProtocolRequestErrors {

    static final byte[] INVALID_CLIENT = ("{\"error\":\"invalid_client\","
                    + "\"error_description\":\"Client authentication failed.\"}")
            .getBytes(StandardCharsets.UTF_8);

    static final byte[] INVALID_REQUEST = ("{\"error\":\"invalid_request\","
                    + "\"error_description\":\"The request parameters could not be read.\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Bean
    FilterRegistrationBean<UnreadableParameters> unreadableProtocolParameters(AuthorizationServerSettings settings) {
        FilterRegistrationBean<UnreadableParameters> registration =
                new FilterRegistrationBean<>(new UnreadableParameters());
        registration.setUrlPatterns(new ClientEndpoints(settings).paths());
        // before Spring Security, whose filters read the parameters first; after system/DatabaseUnavailable
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Spring Security picks this bean up for its filter chains' firewall. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(AuthorizationServerSettings settings) {
        ClientEndpoints clientEndpoints = new ClientEndpoints(settings);
        RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (clientEndpoints.matches(request)) {
                writeError(response, HttpServletResponse.SC_BAD_REQUEST, INVALID_REQUEST);
            } else {
                others.handle(request, response, rejected);
            }
        };
    }

    static void writeError(HttpServletResponse response, int status, byte[] error) throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(error);
    }

    static final class UnreadableParameters extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                request.getParameterMap();
            } catch (IllegalStateException unreadable) { // Tomcat's InvalidParameterException
                writeError(response, HttpServletResponse.SC_BAD_REQUEST, INVALID_REQUEST);
                return;
            }
            if (withoutClientId(request.getHeader(HttpHeaders.AUTHORIZATION))) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
                writeError(response, HttpServletResponse.SC_UNAUTHORIZED, INVALID_CLIENT);
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * Basic credentials whose client id (before the first colon, form-encoded as RFC 6749 section 2.3.1 says)
         * is blank once decoded. Any other malformed header is left to Spring, which answers it with the protocol's
         * error.
         */
        static boolean withoutClientId(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            try {
                String credentials = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon >= 0
                        && URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8)
                                .isBlank();
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
    }
}
