package com.example.authserver.metadatadocuments;

import com.example.authserver.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How many documents one client address may make this server fetch: anyone can name a URL as a client id, before
 * signing in, so without a limit a stranger has the server fetch (and wait on) as many hosts as it likes. Documents
 * already cached cost nothing.
 */
@Component
class FetchLimit {

    private final RateLimits rateLimits;

    private final MetadataDocumentProperties properties;

    FetchLimit(RateLimits rateLimits, MetadataDocumentProperties properties) {
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    /** Counts one fetch for the address of the request being served; false when that address is over its limit. */
    boolean allowsFetch() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return true; // not on behalf of an HTTP request (a job, a test)
        }
        HttpServletRequest request = attributes.getRequest();
        Optional<Duration> wait = rateLimits.tryRequest(
                "client-metadata-documents/per-ip", properties.getFetchRateLimit(), request.getRemoteAddr());
        return wait.isEmpty();
    }
}
