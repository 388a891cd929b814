package com.example.authserver.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.stereotype.Component;

/**
 * The API resources, in the {@code api_resources} table ({@code db/migration/<vendor>/protocol/V1_8}). Every token
 * request asks which resources own its scopes, so the whole (small) list is read at once and kept for
 * {@code authforge.clients.cache-time-to-live}, like the clients ({@link CachedRegisteredClients}); saving through
 * this instance forgets it.
 */
@Component
public class JdbcApiResources implements ApiResources {

    private static final String COLUMNS =
            "uri, name, display_name, scopes, registration_scopes, introspection_secret, access_token_format";

    private static final RowMapper<ApiResource> ROWS = (row, number) -> new ApiResource(
            row.getString("uri"),
            row.getString("name"),
            row.getString("display_name"),
            words(row.getString("scopes")),
            words(row.getString("registration_scopes")),
            row.getString("introspection_secret"),
            new OAuth2TokenFormat(row.getString("access_token_format")));

    private record Snapshot(List<ApiResource> resources, Instant readAt) {}

    private final JdbcOperations jdbc;

    private final Duration timeToLive;

    private final Clock clock;

    private volatile Snapshot snapshot;

    JdbcApiResources(JdbcOperations jdbc, ClientProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.timeToLive = properties.getCacheTimeToLive();
        this.clock = clock;
    }

    /** A store that reads the table at every call, for commands that run beside the server (imports). */
    public static JdbcApiResources uncached(JdbcOperations jdbc) {
        ClientProperties properties = new ClientProperties();
        properties.setCacheTimeToLive(Duration.ZERO);
        return new JdbcApiResources(jdbc, properties, Clock.systemUTC());
    }

    @Override
    public List<ApiResource> all() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !current.readAt().plus(timeToLive).isAfter(now)) {
            current = new Snapshot(List.copyOf(jdbc.query("select " + COLUMNS + " from api_resources", ROWS)), now);
            snapshot = current;
        }
        return current.resources();
    }

    @Override
    public Optional<ApiResource> findByUri(String uri) {
        return all().stream().filter(r -> r.uri().equals(uri)).findFirst();
    }

    @Override
    public Optional<ApiResource> findByName(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Inserts the resource, or updates the one with its URI (its id kept). Refuses a scope another resource owns: the
     * audience of a token asked for by scope would otherwise be two APIs that did not both ask for it.
     */
    public void save(ApiResource resource) {
        snapshot = null;
        for (ApiResource other : all()) {
            if (!other.uri().equals(resource.uri()) && other.scopes().stream().anyMatch(resource::owns)) {
                throw new IllegalArgumentException("API resource " + resource.name() + " claims a scope of "
                        + other.name() + ": a scope belongs to at most one resource");
            }
        }
        Object[] values = {
            resource.name(),
            resource.displayName(),
            String.join(" ", resource.scopes()),
            String.join(" ", resource.registrationScopes()),
            resource.introspectionSecret(),
            resource.accessTokenFormat().getValue(),
            resource.uri()
        };
        int updated = jdbc.update(
                "update api_resources set name = ?, display_name = ?, scopes = ?, registration_scopes = ?,"
                        + " introspection_secret = ?, access_token_format = ? where uri = ?",
                values);
        if (updated == 0) {
            jdbc.update(
                    "insert into api_resources (name, display_name, scopes, registration_scopes,"
                            + " introspection_secret, access_token_format, uri, id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    append(values, UUID.randomUUID().toString()));
        }
        snapshot = null;
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static Set<String> words(String value) {
        return value == null || value.isBlank()
                ? Set.of()
                : Arrays.stream(value.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }
}
