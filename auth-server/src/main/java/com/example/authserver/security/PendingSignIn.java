package com.example.authserver.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in between its two steps: the first factor (the password, or an upstream provider's sign-in) was right
 * and the user has two-factor sign-in on. The session keeps who, which factor and when for {@link #LIFETIME}; the
 * user is not signed in until the second step ({@code twofactor/TwoFactorSignInController}) succeeds
 * ({@link SignedInUsers#completeSignIn}). An external login the user asked to link while signing in waits for that
 * too ({@link ExternalLink}).
 */
public record PendingSignIn(String userId, String firstFactor, Instant firstFactorAt, ExternalLink link)
        implements Serializable {

    /** An upstream provider's account to link to the user once the sign-in is complete. */
    public record ExternalLink(String provider, String providerKey, String providerDisplayName)
            implements Serializable {}

    public PendingSignIn(String userId, String firstFactor, Instant firstFactorAt) {
        this(userId, firstFactor, firstFactorAt, null);
    }

    /** The page of the second step. */
    public static final String PAGE = "/login/two-factor";

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final String ATTRIBUTE = PendingSignIn.class.getName();

    /** The session attribute naming the user a sign-in in progress is about (the rate limits of codes count per user). */
    public static final String USER_ATTRIBUTE = PendingSignIn.class.getName() + ".USER";

    public void store(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(ATTRIBUTE, this);
        session.setAttribute(USER_ATTRIBUTE, userId);
    }

    /** The pending sign-in of this session, if it has one that has not expired. */
    public static Optional<PendingSignIn> of(HttpServletRequest request, Clock clock) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        return pending.firstFactorAt().plus(LIFETIME).isAfter(clock.instant())
                ? Optional.of(pending)
                : Optional.empty();
    }

    public static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
            session.removeAttribute(USER_ATTRIBUTE);
        }
    }
}
