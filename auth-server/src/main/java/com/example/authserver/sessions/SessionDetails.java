package com.example.authserver.sessions;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes in a signed-in session what the sessions page shows of it: the browser and system (from the User-Agent,
 * summarized: the raw header is long and identifying), the client address and the time of the sign-in. Written once
 * per sign-in, on the session's first signed-in request, in both filter chains.
 */
final class SessionDetails extends OncePerRequestFilter {

    static final String DEVICE = SessionDetails.class.getName() + ".DEVICE";

    static final String ADDRESS = SessionDetails.class.getName() + ".ADDRESS";

    static final String SIGNED_IN_AT = SessionDetails.class.getName() + ".SIGNED_IN_AT";

    private static final String USER = SessionDetails.class.getName() + ".USER";

    private final Clock clock;

    SessionDetails(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && signedIn != null
                && signedIn.isAuthenticated()
                && !"anonymousUser".equals(signedIn.getPrincipal())
                && !signedIn.getName().equals(session.getAttribute(USER))) {
            session.setAttribute(USER, signedIn.getName());
            session.setAttribute(DEVICE, device(request.getHeader("User-Agent")));
            session.setAttribute(ADDRESS, request.getRemoteAddr());
            session.setAttribute(SIGNED_IN_AT, Instant.now(clock).toEpochMilli());
        }
        chain.doFilter(request, response);
    }

    /** "Firefox on Windows", "Safari on iOS", ...; "Unknown" when the header says nothing we recognise. */
    static String device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown";
        }
        String browser = userAgent.contains("Edg/")
                ? "Edge"
                : userAgent.contains("Firefox/")
                        ? "Firefox"
                        : userAgent.contains("Chrome/") || userAgent.contains("Chromium/")
                                ? "Chrome"
                                : userAgent.contains("Safari/") ? "Safari" : null;
        String system = userAgent.contains("Android")
                ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad")
                        ? "iOS"
                        : userAgent.contains("Windows")
                                ? "Windows"
                                : userAgent.contains("Mac OS X")
                                        ? "macOS"
                                        : userAgent.contains("Linux") ? "Linux" : null;
        if (browser == null) {
            String product = userAgent.split("[/ ]", 2)[0];
            browser = product.length() > 40 ? product.substring(0, 40) : product;
        }
        return system == null ? browser : browser + " on " + system;
    }
}
