package com.example.authserver.security;

import com.example.authserver.identity.IdentityProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a signed-in user whose security stamp changed since they signed in (password, email,
 * two-factor or external logins changed in another session), or who was disabled, locked out or deleted.
 * Each session is checked at most once per {@code authforge.identity.security-stamp-validation-interval}
 * (one query); the request then goes on as a visitor's, so a page asks to sign in again.
 */
class SecurityStampValidation extends OncePerRequestFilter {

    static final String CHECKED_AT = SecurityStampValidation.class.getName() + ".CHECKED_AT";

    private static final Logger log = LoggerFactory.getLogger(SecurityStampValidation.class);

    private final SignedInUsers signedInUsers;

    private final IdentityProperties properties;

    private final Clock clock;

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SecurityStampValidation(SignedInUsers signedInUsers, IdentityProperties properties, Clock clock) {
        this.signedInUsers = signedInUsers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && contexts.getContext().getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn
                && signedIn.isAuthenticated()) {
            validate(signedIn, session);
        }
        chain.doFilter(request, response);
    }

    private void validate(Authentication signedIn, HttpSession session) {
        Instant now = clock.instant();
        Instant checkedAt = (Instant) session.getAttribute(CHECKED_AT);
        if (checkedAt != null
                && checkedAt
                        .plus(properties.getSecurityStampValidationInterval())
                        .isAfter(now)) {
            return;
        }
        if (signedInUsers.isCurrent(signedIn)) {
            session.setAttribute(CHECKED_AT, now);
            return;
        }
        log.info(
                "Signing out a session of user {}: security stamp changed, or the user is inactive",
                signedIn.getName());
        session.invalidate();
        contexts.clearContext();
    }
}
