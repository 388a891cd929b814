package com.example.authserver.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a user whom an administrator required to choose a new password (identity/ApplicationUser's
 * {@code passwordChangeRequired}) on the page where they do it, whichever way they signed in: {@link SignedInUsers}
 * marks such a sign-in with {@link #AUTHORITY}, and until the page ({@code account/password}) renews the sign-in
 * without it, every other request of the session, in both filter chains (an authorization request too), is sent to
 * that page (a GET, which continues once the password is changed) or refused (anything else). Signing out stays open.
 */
public class PasswordChangeGate extends OncePerRequestFilter {

    /** The page where the user chooses the new password. */
    public static final String PAGE = "/login/new-password";

    /** The authority of a sign-in held by the gate. */
    public static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

    static final SimpleGrantedAuthority REQUIRED = new SimpleGrantedAuthority(AUTHORITY);

    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/images/");

    private static final List<String> OPEN_PATHS =
            List.of(PAGE, "/logout", "/connect/logout", "/error", "/favicon.ico");

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    private final RequestCache requestCache = new HttpSessionRequestCache();

    /** Whether this sign-in waits for a new password. */
    public static boolean holds(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().contains(REQUIRED);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!holds(contexts.getContext().getAuthentication()) || isOpen(request)) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            requestCache.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + PAGE);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean isOpen(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
