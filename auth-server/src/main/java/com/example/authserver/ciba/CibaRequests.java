package com.example.authserver.ciba;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The table {@code ciba_request}. Every change of state is one conditional UPDATE, so that two instances, or two
 * polls at once, cannot both win: only a pending request can be decided, only an approved one redeemed (once), and
 * a poll counts only if the interval since the last one has passed. The {@code auth_req_id} is 256 random bits, stored
 * as its SHA-256 like every token (authorization/TokenHashes); lookups go through that hash.
 */
@Component
class CibaRequests {

    /** Expired requests stay this long (polls get {@code expired_token}), then the clean-up deletes them. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    /** {@code slow_down} adds this to the interval (as RFC 8628 does for the device grant), up to {@link #MAX_INTERVAL}. */
    static final int SLOW_DOWN_SECONDS = 5;

    static final int MAX_INTERVAL = 60;

    private static final String COLUMNS = "id, registered_client_id, user_id, scopes, binding_message, status,"
            + " user_stamp, created_at, expires_at, interval_seconds, last_polled_at";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    CibaRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A request just stored, with the {@code auth_req_id} the client gets (and nobody else ever sees). */
    record Started(String authReqId, CibaRequest request) {}

    Started start(
            String registeredClientId,
            String userId,
            Set<String> scopes,
            String bindingMessage,
            Duration lifetime,
            Duration interval) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String authReqId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        CibaRequest request = new CibaRequest(
                UUID.randomUUID().toString(),
                registeredClientId,
                userId,
                Collections.unmodifiableSet(new LinkedHashSet<>(scopes)),
                bindingMessage,
                CibaRequest.Status.PENDING,
                null,
                now,
                now.plus(lifetime),
                (int) interval.toSeconds(),
                null);
        jdbc.sql("insert into ciba_request (id, auth_req_id_hash, registered_client_id, user_id, scopes,"
                        + " binding_message, status, created_at, expires_at, interval_seconds)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        request.id(),
                        hash(authReqId),
                        registeredClientId,
                        userId,
                        String.join(" ", scopes),
                        bindingMessage,
                        request.status().name(),
                        Timestamp.from(now),
                        Timestamp.from(request.expiresAt()),
                        request.intervalSeconds())
                .update();
        return new Started(authReqId, request);
    }

    Optional<CibaRequest> findByAuthReqId(String authReqId) {
        return jdbc.sql("select " + COLUMNS + " from ciba_request where auth_req_id_hash = ?")
                .param(hash(authReqId))
                .query(CibaRequests::read)
                .optional();
    }

    /** The user's requests still waiting for them, oldest first. */
    List<CibaRequest> pendingFor(String userId) {
        return jdbc.sql("select " + COLUMNS + " from ciba_request"
                        + " where user_id = ? and expires_at > ? and status = ? order by created_at")
                .params(userId, Timestamp.from(clock.instant()), CibaRequest.Status.PENDING.name())
                .query(CibaRequests::read)
                .list();
    }

    /** The request, if it is the user's: someone else's is as good as missing. */
    Optional<CibaRequest> findForUser(String id, String userId) {
        return jdbc.sql("select " + COLUMNS + " from ciba_request where id = ? and user_id = ?")
                .params(id, userId)
                .query(CibaRequests::read)
                .optional();
    }

    /**
     * Approves ({@code userStamp}: the security stamp of the approving sign-in) or denies the user's request; false if
     * it is not pending any more or has expired.
     */
    boolean decide(String id, String userId, CibaRequest.Status decision, String userStamp) {
        return jdbc.sql("update ciba_request set status = ?, user_stamp = ?"
                                + " where id = ? and user_id = ? and status = ? and expires_at > ?")
                        .params(
                                decision.name(),
                                userStamp,
                                id,
                                userId,
                                CibaRequest.Status.PENDING.name(),
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    /**
     * Counts a poll made {@code now}; false, and the interval longer by {@link #SLOW_DOWN_SECONDS} from now on, if
     * the last counted poll was less than the interval ago.
     */
    boolean poll(CibaRequest request, Instant now) {
        Instant earliestLast = now.minusSeconds(request.intervalSeconds());
        int counted = jdbc.sql("update ciba_request set last_polled_at = ? where id = ?"
                        + " and interval_seconds = ? and (last_polled_at is null or last_polled_at <= ?)")
                .params(Timestamp.from(now), request.id(), request.intervalSeconds(), Timestamp.from(earliestLast))
                .update();
        if (counted == 1) {
            return true;
        }
        jdbc.sql("update ciba_request set last_polled_at = ?, interval_seconds = case when interval_seconds + ? > ?"
                        + " then ? else interval_seconds + ? end where id = ?")
                .params(
                        Timestamp.from(now),
                        SLOW_DOWN_SECONDS,
                        MAX_INTERVAL,
                        MAX_INTERVAL,
                        SLOW_DOWN_SECONDS,
                        request.id())
                .update();
        return false;
    }

    /** Marks an approved request as redeemed: true for exactly one caller. */
    boolean redeem(String id) {
        return jdbc.sql("update ciba_request set status = ? where id = ? and status = ?")
                        .params(CibaRequest.Status.ISSUED.name(), id, CibaRequest.Status.APPROVED.name())
                        .update()
                == 1;
    }

    /** Deletes the requests that expired more than {@link #KEPT_AFTER_EXPIRY} ago; every instance may run it. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    int deleteExpired() {
        return jdbc.sql("delete from ciba_request where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY)))
                .update();
    }

    private static CibaRequest read(ResultSet row, int number) throws SQLException {
        Timestamp lastPolled = row.getTimestamp("last_polled_at");
        return new CibaRequest(
                row.getString("id"),
                row.getString("registered_client_id"),
                row.getString("user_id"),
                new LinkedHashSet<>(Arrays.asList(row.getString("scopes").split(" "))),
                row.getString("binding_message"),
                CibaRequest.Status.valueOf(row.getString("status")),
                row.getString("user_stamp"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("expires_at").toInstant(),
                row.getInt("interval_seconds"),
                lastPolled == null ? null : lastPolled.toInstant());
    }

    static String hash(String value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }
}
