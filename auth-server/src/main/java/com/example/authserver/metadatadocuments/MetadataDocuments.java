package com.example.authserver.metadatadocuments;

import com.example.authserver.clients.ApiResources;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The clients described by documents, fetched when first asked for and kept as long as the document's Cache-Control
 * says, within {@code min-cache-time} and {@code max-cache-time}. A refused document is never kept (the draft
 * forbids caching errors), only remembered until the end of the HTTP request that asked, whose several look-ups of
 * the client would otherwise fetch it again each. Requests arriving while a document is fetched wait for that fetch
 * rather than start their own.
 */
@Component
class MetadataDocuments implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetadataDocuments.class);

    private static final String REFUSED = MetadataDocuments.class.getName() + ".refused:";

    private record Kept(RegisteredClient client, Instant until) {}

    private final boolean enabled;

    private final boolean loopbackHttp;

    private final MetadataDocumentProperties properties;

    private final ApiResources resources;

    private final Clock clock;

    private final DocumentFetcher fetcher;

    private final Map<String, Kept> byClientId = new ConcurrentHashMap<>();

    private final Map<String, CompletableFuture<RegisteredClient>> inFlight = new ConcurrentHashMap<>();

    private final FetchLimit fetchLimit;

    MetadataDocuments(
            MetadataDocumentProperties properties,
            ApiResources resources,
            Clock clock,
            Environment environment,
            FetchLimit fetchLimit) {
        this.fetchLimit = fetchLimit;
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        this.enabled = properties.getEnabled() != null ? properties.getEnabled() : !prod;
        this.loopbackHttp = properties.isAllowLoopbackHttp() && !prod;
        this.properties = properties;
        this.resources = resources;
        this.clock = clock;
        this.fetcher = new DocumentFetcher(properties, loopbackHttp);
    }

    boolean enabled() {
        return enabled;
    }

    /** The client the document at {@code clientId} describes, or null if it is not one or is refused. */
    RegisteredClient find(String clientId) {
        if (!enabled) {
            return null;
        }
        Instant now = clock.instant();
        Kept kept = byClientId.get(clientId);
        if (kept != null && kept.until().isAfter(now)) {
            return kept.client();
        }
        URI url = ClientIdUrl.parse(clientId, loopbackHttp);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (url == null
                || (request != null
                        && request.getAttribute(REFUSED + clientId, RequestAttributes.SCOPE_REQUEST) != null)) {
            return null;
        }
        if (!fetchLimit.allowsFetch()) {
            log.info("Client ID metadata document {} not fetched: the client address is over its limit", clientId);
            if (request != null) {
                request.setAttribute(REFUSED + clientId, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
            }
            return null;
        }
        CompletableFuture<RegisteredClient> mine = new CompletableFuture<>();
        CompletableFuture<RegisteredClient> running = inFlight.putIfAbsent(clientId, mine);
        RegisteredClient client = running != null ? running.join() : fetchAndKeep(clientId, url, now, mine);
        if (client == null && request != null) {
            request.setAttribute(REFUSED + clientId, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return client;
    }

    /** One fetch per document at a time: requests asking meanwhile wait for its result (null: refused). */
    private RegisteredClient fetchAndKeep(
            String clientId, URI url, Instant now, CompletableFuture<RegisteredClient> result) {
        RegisteredClient client = null;
        try {
            Kept kept = byClientId.get(clientId);
            if (kept != null && kept.until().isAfter(now)) {
                client = kept.client(); // kept by a fetch that ended since this request looked
                return client;
            }
            DocumentFetcher.Fetched fetched = fetcher.fetch(url);
            client = MetadataDocument.parse(clientId, url, fetched.body(), resources.registrationScopes());
            keep(clientId, client, now.plus(cacheTime(fetched.maxAge())));
        } catch (IOException | RuntimeException refused) {
            log.info("Client ID metadata document {} refused: {}", clientId, refused.toString());
            byClientId.remove(clientId);
        } finally {
            inFlight.remove(clientId, result);
            result.complete(client);
        }
        return client;
    }

    /** The client fetched last under this registered-client id, if still kept. */
    RegisteredClient fetched(String registeredClientId) {
        return byClientId.values().stream()
                .map(Kept::client)
                .filter(client -> client.getId().equals(registeredClientId))
                .findFirst()
                .orElse(null);
    }

    private Duration cacheTime(Duration maxAge) {
        if (maxAge.compareTo(properties.getMinCacheTime()) < 0) {
            return properties.getMinCacheTime();
        }
        return maxAge.compareTo(properties.getMaxCacheTime()) > 0 ? properties.getMaxCacheTime() : maxAge;
    }

    private void keep(String clientId, RegisteredClient client, Instant until) {
        if (byClientId.size() >= properties.getMaxCachedDocuments()) {
            Instant now = clock.instant();
            byClientId.values().removeIf(kept -> !kept.until().isAfter(now));
            if (byClientId.size() >= properties.getMaxCachedDocuments()) {
                byClientId.clear();
            }
        }
        byClientId.put(clientId, new Kept(client, until));
    }

    @Override
    public void destroy() throws IOException {
        fetcher.close();
    }
}
