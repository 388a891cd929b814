package com.example.authserver.security;

import java.util.Collection;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** The response headers both filter chains send. */
public final class SecurityHeaders {

    /** Pages load only their own scripts, styles and images, and may not be framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /**
     * The policy for one response that frames other sites' pages (the signed-out page of front-channel logout):
     * {@code frame-src} allows exactly these origins, everything else as usual. The header set on the response wins
     * over the default one (Spring Security writes its policy only when none is set).
     */
    public static String allowingFrames(Collection<String> origins) {
        return CONTENT_SECURITY_POLICY + "; frame-src " + String.join(" ", origins);
    }

    static void apply(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()));
    }
}
