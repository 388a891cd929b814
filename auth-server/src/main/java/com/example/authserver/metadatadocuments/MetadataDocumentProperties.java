package com.example.authserver.metadatadocuments;

import com.example.authserver.ratelimit.RateLimitProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Client ID metadata documents, under {@code authforge.client-metadata-documents}. */
@ConfigurationProperties("authforge.client-metadata-documents")
public class MetadataDocumentProperties {

    /**
     * Whether a {@code client_id} that is an https URL is fetched and served as a client (and discovery says
     * {@code client_id_metadata_document_supported}). Unset: on outside the {@code prod} profile, off in it.
     */
    private Boolean enabled;

    /**
     * Outside the {@code prod} profile, also {@code http://127.0.0.1}, {@code http://[::1]} and
     * {@code http://localhost} documents (a client under development). Ignored with the {@code prod} profile.
     */
    private boolean allowLoopbackHttp = true;

    /**
     * Whether documents may be fetched from private-network addresses (10/8, 172.16/12, 192.168/16, fc00::/7):
     * a deployment whose clients live on the same private network. Loopback, link-local (the cloud metadata
     * service at 169.254.169.254) and other special-use addresses are always refused.
     */
    private boolean allowPrivateAddresses = false;

    /** Time to connect to the document's host. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Time for the whole answer, from the request to the last byte. */
    private Duration readTimeout = Duration.ofSeconds(3);

    /** The largest document read, in bytes; a larger one is refused (the draft recommends 5 KB). */
    private int maxBytes = 5120;

    /** The shortest time a document is kept, whatever its Cache-Control says (also when it says no-store). */
    private Duration minCacheTime = Duration.ofMinutes(1);

    /** The longest time a document is kept, whatever its Cache-Control says. */
    private Duration maxCacheTime = Duration.ofHours(24);

    /**
     * How many documents one client address may have this server fetch (documents it has cached cost nothing):
     * anyone may name a URL as a client id, before signing in.
     */
    private final RateLimitProperties.Limit fetchRateLimit = new RateLimitProperties.Limit(30, Duration.ofMinutes(10));

    public RateLimitProperties.Limit getFetchRateLimit() {
        return fetchRateLimit;
    }

    /** How many documents are kept in memory at most; beyond, the expired ones and then all are forgotten. */
    private int maxCachedDocuments = 1000;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isAllowLoopbackHttp() {
        return allowLoopbackHttp;
    }

    public void setAllowLoopbackHttp(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    public boolean isAllowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    public void setAllowPrivateAddresses(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Duration getMinCacheTime() {
        return minCacheTime;
    }

    public void setMinCacheTime(Duration minCacheTime) {
        this.minCacheTime = minCacheTime;
    }

    public Duration getMaxCacheTime() {
        return maxCacheTime;
    }

    public void setMaxCacheTime(Duration maxCacheTime) {
        this.maxCacheTime = maxCacheTime;
    }

    public int getMaxCachedDocuments() {
        return maxCachedDocuments;
    }

    public void setMaxCachedDocuments(int maxCachedDocuments) {
        this.maxCachedDocuments = maxCachedDocuments;
    }
}
