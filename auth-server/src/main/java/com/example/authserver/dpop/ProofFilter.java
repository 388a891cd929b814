package com.example.authserver.dpop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the DPoP proof of every request that carries one to this server, after client authentication and before
 * the framework: token requests (refused with RFC 6749's JSON, 400) and requests with an {@code Authorization: DPoP}
 * access token, such as UserInfo (refused with a {@code WWW-Authenticate: DPoP} challenge, 401). Also refuses token
 * requests without a proof from clients that must use DPoP ({@link DPoPClientSettings}). When nonces are on, the
 * response to every request with a proof carries the nonce to use next ({@code DPoP-Nonce}).
 */
class ProofFilter extends OncePerRequestFilter {

    static final String NONCE_HEADER = "DPoP-Nonce";

    private static final String PROOF_HEADER = OAuth2AccessToken.TokenType.DPOP.getValue();

    private final RequestMatcher tokenEndpoint;

    private final ProofChecks checks;

    private final ProofNonces nonces;

    private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

    ProofFilter(RequestMatcher tokenEndpoint, ProofChecks checks, ProofNonces nonces) {
        this.tokenEndpoint = tokenEndpoint;
        this.checks = checks;
        this.nonces = nonces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean tokenRequest = tokenEndpoint.matches(request);
        if (!tokenRequest && !carriesDPoPToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> proofs = Collections.list(request.getHeaders(PROOF_HEADER));
        boolean proofRequired = proofs.isEmpty() && tokenRequest && clientMustUseDPoP();
        if (nonces.required() && (!proofs.isEmpty() || proofRequired)) {
            response.setHeader(NONCE_HEADER, nonces.current());
        }
        try {
            if (proofRequired) {
                throw RejectedProof.invalid("DPoP is required for this client: send a DPoP proof");
            } else if (proofs.size() > 1) {
                throw RejectedProof.invalid("Only one DPoP header is allowed");
            } else if (proofs.size() == 1) {
                checks.check(
                        proofs.get(0),
                        request.getMethod(),
                        request.getRequestURL().toString());
            }
        } catch (RejectedProof rejected) {
            if (tokenRequest) {
                tokenError(response, rejected);
            } else {
                challenge(response, rejected);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesDPoPToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return StringUtils.startsWithIgnoreCase(authorization, PROOF_HEADER + " ");
    }

    /** Set by client authentication, which runs before this filter. */
    private static boolean clientMustUseDPoP() {
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return client instanceof OAuth2ClientAuthenticationToken authenticated
                && authenticated.getRegisteredClient() != null
                && DPoPClientSettings.requiresDPoP(authenticated.getRegisteredClient());
    }

    private void tokenError(HttpServletResponse response, RejectedProof rejected) throws IOException {
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        out.setStatusCode(HttpStatus.BAD_REQUEST);
        out.getHeaders().setCacheControl("no-store");
        errors.write(new OAuth2Error(rejected.error(), rejected.getMessage(), null), null, out);
    }

    /** RFC 9449 section 7.1: the resource server's challenge names the error and the algorithms it accepts. */
    private static void challenge(HttpServletResponse response, RejectedProof rejected) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                PROOF_HEADER + " error=\"" + rejected.error() + "\", error_description=\"" + rejected.getMessage()
                        + "\", algs=\"" + String.join(" ", ProofChecks.ALGORITHMS) + "\"");
    }
}
