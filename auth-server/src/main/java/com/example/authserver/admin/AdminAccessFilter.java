package com.example.authserver.admin;

import com.example.authserver.security.RecentSignIn;
import com.example.authserver.security.SignedInUsers;
import com.example.authserver.twofactor.TwoFactor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * What an administrator's session must hold for every console request, GET and POST alike, once the role check has
 * passed: a user still active with the security stamp it signed in with (checked at each request, not periodically:
 * a disabled administrator stops at once), a sign-in factor newer than {@code authforge.admin.recent-sign-in}
 * (otherwise the password or a code again, then back to the page), and, when
 * {@code authforge.admin.require-second-factor}, a second factor in the sign-in: an authenticator code, or a passkey
 * (the server asks passkeys to verify the user, PIN or biometrics, so one is two factors in itself).
 */
class AdminAccessFilter extends OncePerRequestFilter {

    static final Set<String> SECOND_FACTORS = Set.of(TwoFactor.FACTOR, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

    private final SignedInUsers signedInUsers;

    private final RecentSignIn recentSignIn;

    private final AdminProperties properties;

    AdminAccessFilter(SignedInUsers signedInUsers, RecentSignIn recentSignIn, AdminProperties properties) {
        this.signedInUsers = signedInUsers;
        this.recentSignIn = recentSignIn;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AdminPages.isConsole(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request); // decoded, as Spring matches
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!(signedIn instanceof UsernamePasswordAuthenticationToken)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        boolean api = AdminPages.isApi(path);
        if (!signedInUsers.isCurrent(signedIn)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (api) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "signed_out", "The session has ended.");
                return;
            }
            response.sendRedirect(request.getContextPath() + SignedInUsers.LOGIN_PAGE);
            return;
        }
        if (path.equals(AdminPages.SECOND_FACTOR)) {
            chain.doFilter(request, response); // it only says what to do: no further condition to open it
            return;
        }
        if (properties.isRequireSecondFactor() && !hasSecondFactor(signedIn)) {
            if (api) {
                refuse(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "second_factor_required",
                        "Sign in with a second factor.");
                return;
            }
            response.sendRedirect(request.getContextPath() + AdminPages.SECOND_FACTOR);
            return;
        }
        if (!recentSignIn.isRecent(signedIn, properties.getRecentSignIn())) {
            if (api) {
                refuse(
                        response,
                        HttpServletResponse.SC_UNAUTHORIZED,
                        "reauthentication_required",
                        "Sign in again at " + RecentSignIn.PAGE + ".");
                return;
            }
            // a GET comes back to its page; a change is not replayed: back to the console's home page
            String back = HttpMethod.GET.matches(request.getMethod()) && AdminPages.isReturnPage(path)
                    ? path
                    : AdminPages.HOME;
            response.sendRedirect(request.getContextPath() + RecentSignIn.PAGE + "?continue="
                    + URLEncoder.encode(recentSignIn.returnTo(back), StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A refusal of the JSON API, in its own error format (registration/RegistrationAdminController). */
    private static void refuse(HttpServletResponse response, int status, String error, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    /** Whether the sign-in included a second factor: an authenticator code or a passkey. */
    static boolean hasSecondFactor(Authentication signedIn) {
        return signedIn.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(GrantedAuthority::getAuthority)
                .anyMatch(SECOND_FACTORS::contains);
    }
}
