package com.example.authserver.prompts;

import com.example.authserver.account.AccountPages;
import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the protocol chain, before the authorization endpoint: sends the user to the page an authorization request asks
 * for ({@link SignInRequirements.Next}: sign in again, choose the account, register, give the second factor), with the
 * request saved, as the sign-in page saves it, so that each of those pages continues with it when done. It acts on
 * requests the framework has already validated (client, redirect URI, scopes, and {@link PromptContribution}'s checks),
 * so a bad request gets its error, not a page; {@code prompt=none} never gets a page.
 */
final class PromptFilter extends OncePerRequestFilter {

    /** Where the framework leaves an authorization request it validated, for its endpoint filter. */
    private static final String VALIDATED_REQUEST = OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName();

    private final SignInRequirements requirements;

    private final Supplier<Set<String>> supportedPrompts;

    private final Clock clock;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    PromptFilter(SignInRequirements requirements, Supplier<Set<String>> supportedPrompts, Clock clock) {
        this.requirements = requirements;
        this.supportedPrompts = supportedPrompts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getAttribute(VALIDATED_REQUEST)
                instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)) {
            chain.doFilter(request, response);
            return;
        }
        RequestedSignIn requested;
        try {
            requested = RequestedSignIn.of(authorizationRequest.getAdditionalParameters(), supportedPrompts.get());
        } catch (IllegalArgumentException refusedAlready) {
            chain.doFilter(request, response);
            return;
        }
        if (!requested.asksAnything() || requested.silent()) {
            chain.doFilter(request, response);
            return;
        }
        Authentication signedIn = SignInRequirements.signedInUser(
                SecurityContextHolder.getContext().getAuthentication());
        String key = PromptProgress.keyOf(authorizationRequest);
        switch (requirements.next(requested, key, signedIn, request)) {
            case SIGN_IN -> sendTo(SignedInUsers.LOGIN_PAGE, request, response);
            case SELECT_ACCOUNT -> {
                SelectAccountController.choosing(request, key);
                sendTo(SelectAccountController.PAGE, request, response);
            }
            case REGISTER -> sendTo(AccountPages.REGISTER, request, response);
            case SECOND_FACTOR -> stepUp(signedIn, request, response);
            case CONTINUE -> chain.doFilter(request, response);
        }
    }

    /**
     * The second step of a sign-in, for a user signed in with one factor: the two-factor page completes it as after a
     * password. The pending step's five minutes count from now, so the first factor is kept with today's time.
     */
    private void stepUp(Authentication signedIn, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var firstFactor = SignInFactors.of(signedIn).first();
        if (firstFactor.isEmpty()) {
            sendTo(SignedInUsers.LOGIN_PAGE, request, response);
            return;
        }
        new PendingSignIn(signedIn.getName(), firstFactor.get().getAuthority(), clock.instant()).store(request);
        sendTo(PendingSignIn.PAGE, request, response);
    }

    private void sendTo(String page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        requestCache.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + page);
    }
}
