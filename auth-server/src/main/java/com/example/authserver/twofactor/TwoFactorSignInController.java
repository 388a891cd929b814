package com.example.authserver.twofactor;

import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.SignInEvents;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in, for users with two-factor sign-in on: after the right password or an upstream
 * provider's sign-in ({@link PendingSignIn}), a code from the authenticator app or a recovery code. Then the user is signed in
 * with both factors and goes on where the sign-in started (the client's authorization request, usually). Users with
 * passkeys are offered one instead of a code (passkeys/PasskeySecondFactorController).
 */
@Controller
class TwoFactorSignInController {

    static final String VIEW = "login-two-factor";

    private final TwoFactor twoFactor;

    private final SignedInUsers signedInUsers;

    private final Passkeys passkeys;

    private final Clock clock;

    private final SignInEvents signInEvents;

    private final AuthenticationSuccessHandler continueSignIn = new SavedRequestAwareAuthenticationSuccessHandler();

    TwoFactorSignInController(
            TwoFactor twoFactor,
            SignedInUsers signedInUsers,
            Passkeys passkeys,
            Clock clock,
            SignInEvents signInEvents) {
        this.signInEvents = signInEvents;
        this.twoFactor = twoFactor;
        this.signedInUsers = signedInUsers;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @GetMapping(PendingSignIn.PAGE)
    String form(HttpServletRequest request, Model model) {
        Optional<PendingSignIn> pending = PendingSignIn.of(request, clock);
        if (pending.isEmpty()) {
            return "redirect:/login?expired";
        }
        model.addAttribute("passkeyOffered", passkeys.has(pending.get().userId()));
        return VIEW;
    }

    /** Returns nothing when the user is signed in: the response is the redirect to where the sign-in started. */
    @PostMapping(PendingSignIn.PAGE)
    String verify(
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException, ServletException {
        Optional<PendingSignIn> pending = PendingSignIn.of(request, clock);
        if (pending.isEmpty()) {
            return "redirect:/login?expired";
        }
        String userId = pending.get().userId();
        TwoFactor.Outcome outcome = twoFactor.verify(userId, code);
        if (outcome == TwoFactor.Outcome.FAILED) {
            signInEvents.failed(userId, SignInEvents.SECOND_FACTOR, "wrong code");
            model.addAttribute(
                    "codeError",
                    code == null || code.isBlank() ? "twoFactor.signIn.codeMissing" : "twoFactor.signIn.codeWrong");
            model.addAttribute("passkeyOffered", passkeys.has(userId));
            return VIEW;
        }
        Optional<Authentication> signedIn = outcome == TwoFactor.Outcome.LOCKED_OUT
                ? Optional.empty()
                : signedInUsers.completeSignIn(
                        pending.get(),
                        FactorGrantedAuthority.withAuthority(TwoFactor.FACTOR)
                                .issuedAt(clock.instant())
                                .build(),
                        request,
                        response);
        if (signedIn.isEmpty()) { // locked out (its owner is told by email), disabled or deleted: as a wrong password
            PendingSignIn.clear(request);
            return "redirect:/login?error";
        }
        continueSignIn.onAuthenticationSuccess(request, response, signedIn.get());
        return null;
    }
}
