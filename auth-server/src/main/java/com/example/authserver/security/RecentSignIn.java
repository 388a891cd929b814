package com.example.authserver.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Changes that would let someone keep an account they got into for a moment (an unlocked computer, a stolen session)
 * need a recent sign-in: adding a passkey, an external login, a first password or two-factor sign-in (all ways back
 * in, or ways to sign in again here), changing the email address, turning two-factor sign-in off or resetting it, new
 * recovery codes, deleting the account. Each feature names its guarded requests
 * ({@link ApplicationChainContribution#recentSignInRequired()}). When the user's last factor is older than
 * {@code authforge.account.recent-sign-in}, {@link #filter()} sends the request to {@link #PAGE} (password, code or
 * provider again; account/ReauthenticateController), which brings the user back to the page of the change. A guarded
 * change also checks the session against the user's security stamp at once, not at the next periodic check: a session
 * that a password reset or a first proof of the address ended a moment ago cannot slip one in.
 */
@Component
public class RecentSignIn {

    /** Where the user signs in again. */
    public static final String PAGE = "/account/reauthenticate";

    /** Where signing in again sends the user when there is no guarded page to go back to: the manage page. */
    static final String DEFAULT_RETURN = "/account";

    /**
     * A POST that needs a recent sign-in, and the page to come back to. A JSON endpoint (the browser's passkey script)
     * gets a JSON answer instead of a redirect.
     */
    public record Guarded(String postPath, String returnTo, boolean json) {

        public static Guarded page(String postPath, String returnTo) {
            return new Guarded(postPath, returnTo, false);
        }

        public static Guarded json(String postPath, String returnTo) {
            return new Guarded(postPath, returnTo, true);
        }
    }

    private final RecentSignInProperties properties;

    private final SignedInUsers signedInUsers;

    private final Clock clock;

    private final ObjectProvider<ApplicationChainContribution> contributions;

    private volatile Map<String, Guarded> guarded;

    RecentSignIn(
            RecentSignInProperties properties,
            SignedInUsers signedInUsers,
            Clock clock,
            ObjectProvider<ApplicationChainContribution> contributions) {
        this.properties = properties;
        this.signedInUsers = signedInUsers;
        this.clock = clock;
        this.contributions = contributions;
    }

    /** The filter of the application chain, in front of the guarded changes. */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path =
                        UrlPathHelper.defaultInstance.getPathWithinApplication(request); // decoded, as Spring does
                Guarded guard =
                        HttpMethod.POST.matches(request.getMethod()) ? guarded().get(path) : null;
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (guard == null || !(signedIn instanceof UsernamePasswordAuthenticationToken)) {
                    chain.doFilter(request, response);
                    return;
                }
                // the stamp changed a moment ago (a reset elsewhere): no waiting for the periodic check
                if (!signedInUsers.isCurrent(signedIn)) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + SignedInUsers.LOGIN_PAGE);
                    return;
                }
                if (isRecent(signedIn)) {
                    chain.doFilter(request, response);
                    return;
                }
                String location = request.getContextPath() + PAGE + "?continue="
                        + URLEncoder.encode(guard.returnTo(), StandardCharsets.UTF_8);
                if (guard.json()) {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setHeader(HttpHeaders.LOCATION, location);
                    response.getWriter()
                            .write("{\"error\":\"reauthentication_required\",\"location\":\"" + location + "\"}");
                    return;
                }
                response.sendRedirect(location);
            }
        };
    }

    /** Whether the user's latest sign-in factor is recent enough for a guarded change. */
    boolean isRecent(Authentication signedIn) {
        return isRecent(signedIn, properties.getRecentSignIn());
    }

    /** Whether the user's latest sign-in factor is at most {@code limit} old (a feature's own limit). */
    public boolean isRecent(Authentication signedIn, Duration limit) {
        return lastFactorAt(signedIn)
                .map(at -> !at.plus(limit).isBefore(clock.instant()))
                .orElse(false);
    }

    /**
     * Where signing in again sends the user back to: the page of a guarded change, or a page a feature names
     * ({@link ApplicationChainContribution#returnsAfterSignInAgain}), else the manage page.
     */
    public String returnTo(String page) {
        boolean known = page != null
                && (guarded().values().stream()
                                .anyMatch(guard -> guard.returnTo().equals(page))
                        || contributions.orderedStream().anyMatch(feature -> feature.returnsAfterSignInAgain(page)));
        return known ? page : DEFAULT_RETURN;
    }

    private Map<String, Guarded> guarded() {
        Map<String, Guarded> known = guarded;
        if (known == null) {
            known = contributions
                    .orderedStream()
                    .flatMap(contribution -> contribution.recentSignInRequired().stream())
                    .collect(Collectors.toUnmodifiableMap(Guarded::postPath, Function.identity()));
            guarded = known;
        }
        return known;
    }

    private static Optional<Instant> lastFactorAt(Authentication signedIn) {
        return signedIn.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(factor -> ((FactorGrantedAuthority) factor).getIssuedAt())
                .max(Instant::compareTo);
    }
}
