package com.example.authserver.external;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;

/**
 * A signed-in user's trip to a provider, kept in the HTTP session while the browser is there: to link the provider's
 * account, or, when {@code reauthenticateTo} is set, to sign in again with an account linked already before a change
 * that needs a recent sign-in (then back to that page). Signing in there replaces the session's user; {@code signedIn}
 * is put back afterwards. Only an answer of that provider within {@link #LIFETIME} completes it.
 */
record LinkRequest(String provider, Authentication signedIn, String reauthenticateTo, Instant startedAt)
        implements Serializable {

    /** Long enough to sign in at the provider; an abandoned request must not link whatever comes back later. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    LinkRequest(String provider, Authentication signedIn, Instant startedAt) {
        this(provider, signedIn, null, startedAt);
    }

    /** Whether the provider's answer is the one this request went for, and came soon enough. */
    boolean isAnsweredBy(String answeringProvider, Instant now) {
        return provider.equals(answeringProvider) && startedAt.plus(LIFETIME).isAfter(now);
    }

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String SESSION_ATTRIBUTE = LinkRequest.class.getName();

    void keepIn(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** Removes the request from the session and returns it; null if there is none. */
    static LinkRequest takeFrom(HttpSession session) {
        if (session == null) {
            return null;
        }
        LinkRequest request = (LinkRequest) session.getAttribute(SESSION_ATTRIBUTE);
        session.removeAttribute(SESSION_ATTRIBUTE);
        return request;
    }
}
