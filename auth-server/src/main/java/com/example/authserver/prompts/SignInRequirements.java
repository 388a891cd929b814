package com.example.authserver.prompts;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.prompts.PromptProgress.Step;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What an authorization request ({@link RequestedSignIn}) needs from the session before the client may have a code:
 * for {@code prompt=none}, the error to answer with instead of a page; otherwise the page to send the user to first
 * ({@link Next}), or nothing. The request is checked again when it comes back from that page, and
 * {@link PromptProgress} remembers what was done so the user is not sent round again.
 */
@Component
class SignInRequirements {

    /** Where the user goes before the request can be answered. */
    enum Next {
        CONTINUE,
        SIGN_IN,
        SELECT_ACCOUNT,
        REGISTER,
        SECOND_FACTOR
    }

    static final String LOGIN_REQUIRED = "login_required";

    static final String INTERACTION_REQUIRED = "interaction_required";

    /** OpenID Connect Unmet Authentication Requirements 1.0: the user cannot give what acr_values asks. */
    static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final UserManager userManager;

    private final IdTokenHints hints;

    private final Clock clock;

    SignInRequirements(UserManager userManager, IdTokenHints hints, Clock clock) {
        this.userManager = userManager;
        this.hints = hints;
        this.clock = clock;
    }

    /** The user of a session, or null for a visitor who did not sign in. */
    static Authentication signedInUser(Object principal) {
        return principal instanceof Authentication authentication && TRUST.isAuthenticated(authentication)
                ? authentication
                : null;
    }

    /**
     * For {@code prompt=none}: the error code if the request cannot be answered without showing the user a page
     * (consent aside, which the consent check answers). The same answer whether or not a hinted user exists.
     */
    Optional<String> silentFailure(RequestedSignIn requested, Authentication signedIn, String issuer) {
        if (signedIn == null) {
            return Optional.of(LOGIN_REQUIRED);
        }
        if (requested.idTokenHint() != null
                && !hints.subject(requested.idTokenHint(), issuer)
                        .map(signedIn.getName()::equals)
                        .orElse(false)) {
            return Optional.of(LOGIN_REQUIRED);
        }
        SignInFactors factors = SignInFactors.of(signedIn);
        if (requested.maxAge() != null && tooOld(factors, clock.instant().minusSeconds(requested.maxAge()))) {
            return Optional.of(LOGIN_REQUIRED);
        }
        if (!factors.satisfies(requested.acrValues())) {
            return Optional.of(hasSecondFactor(signedIn) ? INTERACTION_REQUIRED : UNMET_AUTHENTICATION_REQUIREMENTS);
        }
        return Optional.empty();
    }

    /** {@code acr_values} asks for a second factor the signed-in user does not have. */
    boolean unmet(RequestedSignIn requested, Authentication signedIn) {
        return signedIn != null
                && !SignInFactors.of(signedIn).satisfies(requested.acrValues())
                && !hasSecondFactor(signedIn);
    }

    /** The page the user must see before the request can be answered (never for {@code prompt=none}). */
    Next next(RequestedSignIn requested, String key, Authentication signedIn, HttpServletRequest request) {
        Instant now = clock.instant();
        if (requested.asks(RequestedSignIn.CREATE)
                && PromptProgress.get(request, Step.REGISTRATION_OFFERED, key).isEmpty()) {
            PromptProgress.put(request, Step.REGISTRATION_OFFERED, key, now);
            return Next.REGISTER;
        }
        if (needsSignIn(requested, key, signedIn, request, now)) {
            return Next.SIGN_IN;
        }
        if (signedIn == null) {
            return Next.CONTINUE; // the protocol chain sends the visitor to sign in
        }
        if (requested.asks(RequestedSignIn.SELECT_ACCOUNT)
                && PromptProgress.get(request, Step.ACCOUNT_SELECTED, key).isEmpty()) {
            return Next.SELECT_ACCOUNT;
        }
        if (!SignInFactors.of(signedIn).satisfies(requested.acrValues()) && hasSecondFactor(signedIn)) {
            return Next.SECOND_FACTOR;
        }
        return Next.CONTINUE;
    }

    /**
     * {@code prompt=login} and {@code max_age}: the sign-in must be newer than the moment the request first sent the
     * user to sign in (or, for {@code max_age}, than {@code max_age} seconds ago, when it did not yet). A visitor who is
     * not signed in is sent by the chain; the moment is noted all the same.
     */
    private boolean needsSignIn(
            RequestedSignIn requested, String key, Authentication signedIn, HttpServletRequest request, Instant now) {
        if (!requested.freshSignIn() && requested.maxAge() == null) {
            return false;
        }
        Optional<Instant> sentAt = PromptProgress.get(request, Step.SIGN_IN, key);
        SignInFactors factors = SignInFactors.of(signedIn);
        if (sentAt.isPresent()) {
            return signedIn != null && tooOld(factors, sentAt.get());
        }
        boolean needed =
                signedIn == null || requested.freshSignIn() || tooOld(factors, now.minusSeconds(requested.maxAge()));
        if (needed) {
            PromptProgress.put(request, Step.SIGN_IN, key, now);
        }
        return needed && signedIn != null;
    }

    private static boolean tooOld(SignInFactors factors, Instant notBefore) {
        return factors.authTime().map(time -> time.isBefore(notBefore)).orElse(true);
    }

    private boolean hasSecondFactor(Authentication signedIn) {
        return userManager
                .findById(signedIn.getName())
                .map(ApplicationUser::isTwoFactorEnabled)
                .orElse(false);
    }
}
