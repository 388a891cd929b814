package com.example.authserver.security;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's part of the application filter chain ({@link ApplicationSecurity}), as a bean of the feature: the pages
 * it opens to visitors, the changes that need a recent sign-in, and whatever else it adds to the chain (a sign-in
 * method, a filter). The chain collects them, so it depends on no feature; each feature owns its paths.
 */
public interface ApplicationChainContribution {

    /** The paths a visitor who is not signed in may open (Spring's path patterns). */
    default List<String> publicPaths() {
        return List.of();
    }

    /** Rules that come before "everything else needs a signed-in user" (denying a method, say). */
    default void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {}

    /** The POST requests that need a recent sign-in ({@link RecentSignIn}), with the page to come back to. */
    default List<RecentSignIn.Guarded> recentSignInRequired() {
        return List.of();
    }

    /**
     * Whether signing in again ({@link RecentSignIn#PAGE}) may send the user back to this page (a path, no host): the
     * pages that ask for a recent sign-in before they open (the admin console), besides those of
     * {@link #recentSignInRequired()}.
     */
    default boolean returnsAfterSignInAgain(String page) {
        return false;
    }

    /** Anything else the feature adds to the chain: a sign-in method, a filter. */
    default void configure(HttpSecurity http) throws Exception {}
}
