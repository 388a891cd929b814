package com.example.authserver.account;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.example.authserver.security.SignedInUsers;

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
 * recovery codes, deleting the account. When the user's last factor is older than
 * {@code authforge.account.recent-sign-in}, {@link #filter()} sends the request to {@link ReauthenticateController}'s
 * page (password, code or provider again), which brings the user back to the page of the change. A guarded change
 * also checks the session against the user's security stamp at once, not at the next periodic check: a session that a
 * password reset or a first proof of the address ended a moment ago cannot slip one in.
 */
@Component
public class RecentSignIn {

    /** Where each guarded POST goes back to once the user signed in again. */
    private static final Map<String, String> GUARDED = Map.of(
            "/webauthn/register/options", AccountPages.PASSKEYS,
            AccountPages.EXTERNAL_LOGINS + "/add", AccountPages.EXTERNAL_LOGINS,
            AccountPages.SET_PASSWORD, AccountPages.SET_PASSWORD,
            AccountPages.TWO_FACTOR_ENABLE, AccountPages.TWO_FACTOR_ENABLE,
            AccountPages.EMAIL, AccountPages.EMAIL,
            AccountPages.TWO_FACTOR + "/disable", AccountPages.TWO_FACTOR,
            AccountPages.TWO_FACTOR + "/reset", AccountPages.TWO_FACTOR,
            AccountPages.TWO_FACTOR + "/recovery-codes", AccountPages.TWO_FACTOR,
            AccountPages.PERSONAL_DATA + "/delete", AccountPages.PERSONAL_DATA);

    /** The JSON endpoint among them (the browser's passkey script): it gets a JSON answer instead of a redirect. */
    private static final String JSON_ENDPOINT = "/webauthn/register/options";

    private final AccountProperties properties;

    private final SignedInUsers signedInUsers;

    private final Clock clock;

    RecentSignIn(AccountProperties properties, SignedInUsers signedInUsers, Clock clock) {
        this.properties = properties;
        this.signedInUsers = signedInUsers;
        this.clock = clock;
    }

    /** The filter of the application chain, in front of the guarded changes. */
    public Filter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request); // decoded, as Spring does
                String page = HttpMethod.POST.matches(request.getMethod()) ? GUARDED.get(path) : null;
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (page == null || !(signedIn instanceof UsernamePasswordAuthenticationToken)) {
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
                    response.sendRedirect(request.getContextPath() + "/login");
                    return;
                }
                if (isRecent(signedIn)) {
                    chain.doFilter(request, response);
                    return;
                }
                String location = request.getContextPath() + AccountPages.REAUTHENTICATE + "?continue="
                        + URLEncoder.encode(page, StandardCharsets.UTF_8);
                if (JSON_ENDPOINT.equals(path)) {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setHeader(HttpHeaders.LOCATION, location);
                    response.getWriter().write("{\"error\":\"reauthentication_required\",\"location\":\"" + location
                            + "\"}");
                    return;
                }
                response.sendRedirect(location);
            }
        };
    }

    /** Whether the user's latest sign-in factor is recent enough for a guarded change. */
    boolean isRecent(Authentication signedIn) {
        return lastFactorAt(signedIn).map(at -> !at.plus(properties.getRecentSignIn()).isBefore(clock.instant()))
                .orElse(false);
    }

    /** Where signing in again sends the user back to: the page of a guarded change, else the manage page. */
    public static String returnTo(String page) {
        return page != null && GUARDED.containsValue(page) ? page : AccountPages.MANAGE;
    }

    private static Optional<Instant> lastFactorAt(Authentication signedIn) {
        return signedIn.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance)
                .map(factor -> ((FactorGrantedAuthority) factor).getIssuedAt()).max(Instant::compareTo);
    }
}
