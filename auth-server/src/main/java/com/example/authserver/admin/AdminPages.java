package com.example.authserver.admin;

import com.example.authserver.identity.IdentityRole;
import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.RecentSignIn;
import com.example.authserver.security.SignedInUsers;
import java.util.regex.Pattern;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;

/**
 * The admin console's addresses and who may open them: every page and change under {@link #HOME} needs the role
 * {@code admin} (others get 403, visitors the sign-in page), then {@link AdminAccessFilter}'s recent sign-in and, when
 * {@code authforge.admin.require-second-factor}, a second factor. The registration API under
 * {@code /admin/registration} (registration/RegistrationAdminController) is a JSON API with rules of its own.
 */
@Component
public class AdminPages implements ApplicationChainContribution {

    public static final String HOME = "/admin";

    /** Shown to an administrator whose sign-in had no second factor, when the console needs one. */
    public static final String SECOND_FACTOR = HOME + "/second-factor";

    static final String REGISTRATION_API = HOME + "/registration";

    /** A page signing in again may come back to: a plain path of the console, nothing that could leave it. */
    private static final Pattern RETURN_PAGE = Pattern.compile("/admin(/[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,99}){0,8}");

    private final AdminAccessFilter filter;

    AdminPages(SignedInUsers signedInUsers, RecentSignIn recentSignIn, AdminProperties properties) {
        this.filter = new AdminAccessFilter(signedInUsers, recentSignIn, properties);
    }

    /**
     * True for every path under {@code /admin}: the console's pages and the registration API alike need a recent
     * sign-in and, where required, a second factor (the API can mint clients, so it is no weaker a way in).
     */
    static boolean isConsole(String path) {
        return path.equals(HOME) || path.startsWith(HOME + "/");
    }

    /** The registration API (JSON, registration/RegistrationAdminController): refused in JSON, not redirected. */
    static boolean isApi(String path) {
        return path.equals(REGISTRATION_API) || path.startsWith(REGISTRATION_API + "/");
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HOME, HOME + "/**").hasRole(IdentityRole.ADMIN);
    }

    @Override
    public boolean returnsAfterSignInAgain(String page) {
        return isReturnPage(page);
    }

    static boolean isReturnPage(String page) {
        return page != null && RETURN_PAGE.matcher(page).matches() && isConsole(page) && !isApi(page);
    }

    /** After the role check: only administrators meet the recent sign-in and second factor rules. */
    @Override
    public void configure(HttpSecurity http) {
        http.addFilterAfter(filter, AuthorizationFilter.class);
    }
}
