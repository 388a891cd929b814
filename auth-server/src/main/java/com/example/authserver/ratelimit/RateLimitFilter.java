package com.example.authserver.ratelimit;

import com.example.authserver.security.PendingSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Counts each POST of the sign-in, registration, password reset and confirmation resend forms; past a
 * limit, answers 429 with {@code Retry-After}, and the error page says to try again later
 * ({@code error.429} in messages.properties). Runs inside the application filter chain, after the CSRF
 * check and before the form login.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits rateLimits;

    RateLimitFilter(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitedAction action = actionOf(request);
        if (action != null) {
            Optional<Duration> wait = rateLimits.tryAttempt(action, request.getRemoteAddr(), account(action, request));
            if (wait.isPresent()) {
                long seconds = Math.max(1, wait.get().toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.sendError(429);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The account field typed in, or else the user the session is about: a pending sign-in's, or the signed-in user. */
    private static String account(RateLimitedAction action, HttpServletRequest request) {
        if (action.accountField != null) {
            return request.getParameter(action.accountField);
        }
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PendingSignIn.USER_ATTRIBUTE);
        if (pending != null) {
            return pending.toString();
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null ? null : signedIn.getName();
    }

    private static RateLimitedAction actionOf(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return null;
        }
        // decoded as Spring matches it: /log%69n is /login too
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        for (RateLimitedAction action : RateLimitedAction.values()) {
            if (action.path.equals(path)) {
                return action;
            }
        }
        return null;
    }
}
