package com.example.authserver.external;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.confirmation.EmailConfirmation;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserConfirmation;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.RecentSignIn;
import com.example.authserver.security.RecentSignIn.Guarded;
import com.example.authserver.security.SignInEvents;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sign-in through the upstream providers: Spring Security's {@code oauth2Login} talks to the provider, and this
 * class decides what its answer means. An account linked to a local user signs in as that user, with the same
 * kind of principal as a password sign-in (a Spring Security {@link User} named by the user id, {@code ROLE_}
 * authorities and a sign-in factor whose time becomes the ID token's {@code auth_time}), unless the user is
 * disabled, locked out or not confirmed. An account not linked yet goes to {@link ExternalLoginController}'s
 * page, signed out, to create a local account or link one. A signed-in user's {@link LinkRequest} links the
 * account to that user. Failures go back to the sign-in page (or the manage page) with a message.
 */
@Component
public class ExternalSignIn
        implements AuthenticationSuccessHandler, AuthenticationFailureHandler, ApplicationChainContribution {

    /** After signing in through a provider with an account not linked yet: create a local account or link one. */
    public static final String EXTERNAL_LOGIN = "/account/external-login";

    private static final Logger log = LoggerFactory.getLogger(ExternalSignIn.class);

    private final ExternalProviders providers;

    private final UserLogins userLogins;

    private final UserManager userManager;

    private final ObjectProvider<UserConfirmation> confirmation;

    private final SignedInUsers signedInUsers;

    private final SignInEvents signInEvents;

    private final EmailConfirmation emailConfirmation;

    private final Clock clock;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    ExternalSignIn(
            ExternalProviders providers,
            UserLogins userLogins,
            UserManager userManager,
            ObjectProvider<UserConfirmation> confirmation,
            SignedInUsers signedInUsers,
            EmailConfirmation emailConfirmation,
            Clock clock,
            SignInEvents signInEvents) {
        this.signInEvents = signInEvents;
        this.providers = providers;
        this.signedInUsers = signedInUsers;
        this.userLogins = userLogins;
        this.userManager = userManager;
        this.confirmation = confirmation;
        this.emailConfirmation = emailConfirmation;
        this.clock = clock;
    }

    /**
     * Adds sign-in through the providers to the application filter chain ({@code security/ApplicationSecurity});
     * without providers, nothing: no endpoint, no button.
     */
    @Override
    public List<String> publicPaths() {
        return List.of(EXTERNAL_LOGIN, EXTERNAL_LOGIN + "/*");
    }

    /** Linking another provider to the account needs a recent sign-in. */
    @Override
    public List<Guarded> recentSignInRequired() {
        return List.of(Guarded.page(AccountPages.EXTERNAL_LOGINS + "/add", AccountPages.EXTERNAL_LOGINS));
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        if (providers.isEmpty()) {
            return;
        }
        http.oauth2Login(login -> login.loginPage(SignedInUsers.LOGIN_PAGE)
                .clientRegistrationRepository(providers)
                .authorizedClientRepository(new DiscardingAuthorizedClientRepository())
                .successHandler(this)
                .failureHandler(this)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // an unknown provider or one that cannot be reached: the sign-in page says so (not a 500)
                        filter.setAuthenticationFailureHandler(ExternalSignIn.this);
                        return filter;
                    }
                }));
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        String provider = token.getAuthorizedClientRegistrationId();
        ExternalAccount account =
                ExternalAccount.of(provider, providers.displayName(provider), (OidcUser) token.getPrincipal());
        LinkRequest linking = LinkRequest.takeFrom(request.getSession(false));
        if (linking != null && !linking.isAnsweredBy(provider, clock.instant())) {
            // an abandoned or stale trip: the user stays who they were, and nothing is linked
            signedInUsers.signIn(linking.signedIn(), request, response);
            response.sendRedirect(request.getContextPath() + AccountPages.EXTERNAL_LOGINS + "?failed=failed");
            return;
        }
        if (linking != null && linking.reauthenticateTo() != null) {
            finishReauthentication(linking, account, request, response);
            return;
        }
        if (linking != null) {
            finishLink(linking, account, request, response);
            return;
        }
        Optional<ApplicationUser> user = userLogins.findByLogin(provider, account.providerKey());
        if (user.isEmpty()) {
            signedInUsers.signOut(request, response);
            account.keepIn(request.getSession());
            response.sendRedirect(request.getContextPath() + EXTERNAL_LOGIN);
            return;
        }
        if (!user.get().isEmailConfirmed()
                && emailConfirmation.confirmAfterProviderSignIn(
                        request.getSession(false), user.get().getId())) {
            user = userManager.findById(user.get().getId()); // its address confirmed through its own provider account
        }
        String refusal = refusal(user.get());
        if (refusal != null) {
            signInEvents.failed(user.get(), user.get().getUserName(), SignInEvents.EXTERNAL, provider + ": " + refusal);
            signedInUsers.signOut(request, response);
            response.sendRedirect(request.getContextPath() + SignedInUsers.LOGIN_PAGE + "?" + refusal);
            return;
        }
        response.sendRedirect(signIn(user.get(), request, response));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String outcome = outcomeOf(exception);
        log.info("External sign-in failed ({}): {}", outcome, exception.getMessage());
        LinkRequest linking = LinkRequest.takeFrom(request.getSession(false));
        String page =
                linking != null ? AccountPages.EXTERNAL_LOGINS + "?failed=" : SignedInUsers.LOGIN_PAGE + "?external=";
        response.sendRedirect(request.getContextPath() + page + outcome);
    }

    /** The query parameter the sign-in page shows a refused user with, or null if the user may sign in. */
    String refusal(ApplicationUser user) {
        if (user.isLockedOut(clock.instant())) {
            return "locked";
        }
        UserConfirmation rule = confirmation.getIfAvailable();
        boolean confirmed = rule == null || rule.isConfirmed(user);
        return user.isEnabled() && confirmed ? null : "error";
    }

    /**
     * Signs the user in, in a new session id, as a password sign-in would, and returns where the browser goes next:
     * on to where the sign-in started, or, for a user with two-factor sign-in on, to the second step first.
     */
    String signIn(ApplicationUser user, HttpServletRequest request, HttpServletResponse response) {
        return signIn(user, null, request, response);
    }

    /** As {@link #signIn(ApplicationUser, HttpServletRequest, HttpServletResponse)}, linking {@code link} once done. */
    String signIn(
            ApplicationUser user,
            PendingSignIn.ExternalLink link,
            HttpServletRequest request,
            HttpServletResponse response) {
        // how and when the user signed in (through a provider's authorization code): the ID token's auth_time
        FactorGrantedAuthority factor = FactorGrantedAuthority.withAuthority(
                        FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                .issuedAt(clock.instant())
                .build();
        if (user.isTwoFactorEnabled()) {
            signedInUsers.signOut(request, response);
            new PendingSignIn(user.getId(), factor.getAuthority(), factor.getIssuedAt(), link).store(request);
            return ServletUriComponentsBuilder.fromContextPath(request)
                    .path(PendingSignIn.PAGE)
                    .toUriString();
        }
        signedInUsers.signIn(signedInUsers.authenticationFor(user, List.of(factor)), request, response);
        signInEvents.succeeded(user, SignInEvents.EXTERNAL, null);
        return continueAfterSignIn(request, response);
    }

    /**
     * Where the browser goes after signing in, as an absolute URL: the request that asked for it (an authorization
     * request), or home.
     */
    String continueAfterSignIn(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved == null) {
            return ServletUriComponentsBuilder.fromContextPath(request)
                    .path("/")
                    .toUriString();
        }
        requestCache.removeRequest(request, response);
        return saved.getRedirectUrl();
    }

    private void finishLink(
            LinkRequest linking, ExternalAccount account, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // the provider's sign-in replaced the user's in this session: the user who asked to link signs in again
        signedInUsers.signIn(linking.signedIn(), request, response);
        Optional<ApplicationUser> user = userManager.findById(linking.signedIn().getName());
        if (user.isEmpty() || refusal(user.get()) != null) {
            signedInUsers.signOut(request, response);
            response.sendRedirect(request.getContextPath() + SignedInUsers.LOGIN_PAGE + "?error");
            return;
        }
        UserLogins.LinkResult result = userLogins.addLogin(
                user.get(), account.provider(), account.providerKey(), account.providerDisplayName());
        // the new link renewed the security stamp: this session goes on with the new one
        signedInUsers.refresh(user.get().getId(), request, response);
        String outcome = result == UserLogins.LinkResult.LINKED_TO_ANOTHER_USER ? "taken" : "added";
        response.sendRedirect(request.getContextPath() + AccountPages.EXTERNAL_LOGINS + "?" + outcome);
    }

    /**
     * Back from signing in again at the provider: if the provider's account is one linked to the signed-in user, the
     * session's sign-in is recent again; any other account changes nothing (the user stays who they were).
     */
    private void finishReauthentication(
            LinkRequest reauthentication,
            ExternalAccount account,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Authentication signedIn = reauthentication.signedIn();
        boolean sameUser = userLogins
                .findByLogin(account.provider(), account.providerKey())
                .filter(user -> user.getId().equals(signedIn.getName()) && refusal(user) == null)
                .isPresent();
        signedInUsers.signIn(signedIn, request, response);
        if (!sameUser) {
            response.sendRedirect(request.getContextPath() + RecentSignIn.PAGE + "?failed&continue="
                    + URLEncoder.encode(reauthentication.reauthenticateTo(), StandardCharsets.UTF_8));
            return;
        }
        signedInUsers.reauthenticated(signedIn, FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, request, response);
        response.sendRedirect(request.getContextPath() + reauthentication.reauthenticateTo());
    }

    /** {@code denied} (the user said no at the provider), {@code unavailable} (it could not be reached) or {@code failed}. */
    private static String outcomeOf(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth2
                && OAuth2ErrorCodes.ACCESS_DENIED.equals(oauth2.getError().getErrorCode())) {
            return "denied";
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderUnavailableException || cause instanceof ResourceAccessException) {
                return "unavailable";
            }
        }
        return "failed";
    }
}
