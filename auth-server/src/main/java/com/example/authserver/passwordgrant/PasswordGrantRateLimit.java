package com.example.authserver.passwordgrant;

import com.example.authserver.ratelimit.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Counts each password grant request of an authenticated client against the sign-in page's limits, in the same
 * buckets (per address, and per account as typed), so the token endpoint is no way around them. Past a limit: 429
 * with {@code Retry-After}, and {@code slow_down}, the token endpoint's registered error for "too fast".
 */
final class PasswordGrantRateLimit extends OncePerRequestFilter {

    private final RateLimits rateLimits;

    private final String tokenEndpoint;

    PasswordGrantRateLimit(RateLimits rateLimits, String tokenEndpoint) {
        this.rateLimits = rateLimits;
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isPasswordGrant(request)
                && SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken) {
            Optional<Duration> wait = rateLimits.trySignInAttempt(
                    request.getRemoteAddr(), request.getParameter(PasswordGrantRequests.USERNAME));
            if (wait.isPresent()) {
                long seconds = Math.max(1, wait.get().toSeconds() + 1);
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getOutputStream()
                        .write(("{\"error\":\"slow_down\",\"error_description\":\"Too many sign-in attempts;"
                                        + " try again in " + seconds + " seconds.\"}")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean isPasswordGrant(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && tokenEndpoint.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request))
                && PasswordGrant.GRANT_TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
    }
}
