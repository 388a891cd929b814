package com.example.authserver.registration;

import com.example.authserver.clients.Clients;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Initial access tokens (RFC 7591 §3): an administrator issues one ({@link RegistrationAdminController},
 * {@link InitialTokenCommand}) and hands it to the developer of a confidential client, which registers with it. Kept
 * in {@code registration_initial_token} as a SHA-256 only, expiring, for a limited number of registrations: each use
 * is one conditional update ({@code uses_left > 0}), so registrations racing on any number of instances never use a
 * token more often than it allows.
 */
@Component
class InitialAccessTokens {

    /** A token as an administrator receives it: the value is shown once and never stored. */
    record Issued(String id, String value, Instant expiresAt, int uses, Set<String> scopes) {}

    /** A token that can still be used: its id, and the scopes (beyond the open ones) its clients may have. */
    record Usable(String id, Set<String> scopes) {}

    private final JdbcClient jdbc;

    private final Clock clock;

    InitialAccessTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Issues a token for {@code uses} registrations within {@code lifetime}; the clients registered with it may also
     * have {@code scopes}. Forgets the tokens that expired.
     */
    Issued issue(String description, int uses, Duration lifetime, Set<String> scopes) {
        if (scopes.stream().anyMatch(Clients.ADMINISTRATION_SCOPES::contains)) {
            // a client that registers itself never administers the server, whoever handed out the token
            throw new IllegalArgumentException("scim and admin are for clients made in the admin console");
        }
        if (uses < 1 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("an initial access token needs at least one use and a lifetime");
        }
        Instant now = clock.instant();
        jdbc.sql("delete from registration_initial_token where expires_at < ?")
                .param(Timestamp.from(now))
                .update();
        String id = UUID.randomUUID().toString();
        String value = RegistrationTokens.generate();
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("insert into registration_initial_token (id, token_hash, description, scopes, uses_left, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        RegistrationTokens.sha256(value),
                        description == null ? "" : truncate(description, 200),
                        String.join(" ", scopes),
                        uses,
                        Timestamp.from(now),
                        Timestamp.from(expiresAt))
                .update();
        return new Issued(id, value, expiresAt, uses, Set.copyOf(scopes));
    }

    /** The token if it has uses left and has not expired; nothing is used up. */
    Optional<Usable> find(String value) {
        return jdbc.sql("select id, scopes from registration_initial_token where token_hash = ? and uses_left > 0"
                        + " and expires_at > ?")
                .params(RegistrationTokens.sha256(value), Timestamp.from(clock.instant()))
                .query((row, number) -> new Usable(row.getString("id"), scopes(row.getString("scopes"))))
                .optional();
    }

    /** Uses the token once: false if it was used up (by a racing registration, say) or expired meanwhile. */
    boolean use(String id) {
        return jdbc.sql("update registration_initial_token set uses_left = uses_left - 1 where id = ?"
                                + " and uses_left > 0 and expires_at > ?")
                        .params(id, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private static Set<String> scopes(String list) {
        return list == null || list.isBlank()
                ? Set.of()
                : Arrays.stream(list.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
