package com.example.authserver.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Where a password sign-in goes when it does not complete: users with two-factor sign-in to the second step, every
 * other failure, a locked-out account included, to one generic message: whether an account exists and is locked
 * is nobody's business but its owner's, who is told by email (identity/UserLockedOut).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler failures;

    SignInFailureHandler(String loginPage) {
        failures = new SimpleUrlAuthenticationFailureHandler(loginPage + "?error");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (exception instanceof SecondFactorRequired secondFactor) {
            secondFactor.pending().store(request);
            response.sendRedirect(request.getContextPath() + PendingSignIn.PAGE);
            return;
        }
        failures.onAuthenticationFailure(request, response, exception);
    }
}
