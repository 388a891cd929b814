package com.example.authserver.sessions;

import com.example.authserver.security.ApplicationChainContribution;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Signing out from the sign-out page ends the session's sign-in: {@link SessionEnds} hears of it before the session
 * is invalidated (the handlers added here run before Spring Security's own). RP-initiated logout uses the same
 * handler ({@link AuthorizingSession}).
 */
@Component
class SessionLogoutHandler implements LogoutHandler, ApplicationChainContribution {

    private final SessionEnds sessionEnds;

    SessionLogoutHandler(SessionEnds sessionEnds) {
        this.sessionEnds = sessionEnds;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()) {
            sessionEnds.ending(request, authentication.getName());
        }
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.logout(logout -> logout.addLogoutHandler(this));
    }
}
