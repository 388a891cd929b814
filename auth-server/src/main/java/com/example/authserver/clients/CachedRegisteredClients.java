package com.example.authserver.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Keeps the registered clients read from the database for {@code authforge.clients.cache-time-to-live}: a token
 * request looks its client up twice (authentication, then the grant), each a query and the parsing of its settings
 * JSON, which the benchmark found to be 13-15 % of a client_credentials token's CPU. Only clients that exist are
 * kept, so the cache holds at most one entry per client (unknown client ids still go to the database); saving a
 * client through this instance forgets them all at once.
 */
public final class CachedRegisteredClients implements RegisteredClientRepository {

    private record Entry(RegisteredClient client, Instant readAt) {}

    private final RegisteredClientRepository database;

    private final Duration timeToLive;

    private final Clock clock;

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

    public CachedRegisteredClients(RegisteredClientRepository database, ClientProperties properties, Clock clock) {
        this.database = database;
        this.timeToLive = properties.getCacheTimeToLive();
        this.clock = clock;
    }

    /** Saves, and forgets every kept client (saves are rare: start-up and administration). */
    @Override
    public void save(RegisteredClient client) {
        database.save(client);
        byId.clear();
        byClientId.clear();
    }

    @Override
    public RegisteredClient findById(String id) {
        return cached(byId, id, () -> database.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return cached(byClientId, clientId, () -> database.findByClientId(clientId));
    }

    private RegisteredClient cached(Map<String, Entry> cache, String key, Supplier<RegisteredClient> read) {
        if (timeToLive.isZero() || key == null) {
            return read.get();
        }
        Instant now = clock.instant();
        Entry entry = cache.get(key);
        if (entry != null && entry.readAt().plus(timeToLive).isAfter(now)) {
            return entry.client();
        }
        RegisteredClient client = read.get();
        if (client == null) {
            cache.remove(key);
            return null;
        }
        Entry fresh = new Entry(client, now);
        byId.put(client.getId(), fresh);
        byClientId.put(client.getClientId(), fresh);
        return client;
    }
}
