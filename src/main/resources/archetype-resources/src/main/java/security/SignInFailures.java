package ${package}.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Where a password sign-in goes when it does not complete: users with two-factor sign-in to the second step,
 * locked-out users to a page that says so, every other failure to one generic message.
 */
class SignInFailures implements AuthenticationFailureHandler {

    private final ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();

    SignInFailures(String loginPage) {
        failures.setDefaultFailureUrl(loginPage + "?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), loginPage + "?locked"));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof SecondFactorRequired secondFactor) {
            secondFactor.pending().store(request);
            response.sendRedirect(request.getContextPath() + PendingSignIn.PAGE);
            return;
        }
        failures.onAuthenticationFailure(request, response, exception);
    }
}
