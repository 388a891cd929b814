package com.example.authserver.prompts;

import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.system.IpAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who may see the diagnostics page ({@link DiagnosticsController}): never in the prod profile; otherwise a request from
 * the loopback address, or from anywhere with {@code authforge.diagnostics.remote=true}. The address is the one the
 * servlet container reports: the connection's, or a trusted proxy's forwarded one (system/ForwardedHeaders), never an
 * {@code X-Forwarded-For} a client wrote itself. Where the page does not answer, it is a 404 for everybody, signed in
 * or not; where it does, a visitor is sent to sign in first. The home page links to it where it answers.
 */
@ControllerAdvice
class Diagnostics implements ApplicationChainContribution {

    static final String PAGE = "/diagnostics";

    private final boolean production;

    private final DiagnosticsProperties properties;

    Diagnostics(Environment environment, DiagnosticsProperties properties) {
        this.production = environment.matchesProfiles("prod");
        this.properties = properties;
    }

    boolean answers(HttpServletRequest request) {
        return !production && (properties.isRemote() || IpAddresses.isLoopback(request.getRemoteAddr()));
    }

    @ModelAttribute("diagnosticsAvailable")
    boolean available(HttpServletRequest request) {
        return answers(request);
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
        requests.requestMatchers(PAGE)
                .access((authentication, context) -> new AuthorizationDecision(
                        !answers(context.getRequest()) || trust.isAuthenticated(authentication.get())));
    }
}
