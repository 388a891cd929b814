package com.example.authserver.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each device last polled and the interval it must keep (RFC 8628 §3.5), in {@code device_poll}, a table of its
 * own: the authorization row cannot carry it, since a save there that loses a version race deletes the grant. Every
 * step is one conditional statement, so two instances (or two racing polls) never both count a poll as in time.
 */
@Component
class DevicePolls {

    /** The interval a device starts with (RFC 8628's default, which the device assumes without an answer). */
    static final int INTERVAL_SECONDS = 5;

    /** What each poll that comes too fast adds to the interval (RFC 8628 §3.5). */
    static final int SLOW_DOWN_SECONDS = 5;

    static final int MAX_INTERVAL_SECONDS = 60;

    private final JdbcClient jdbc;

    private final Clock clock;

    DevicePolls(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a poll with this device code: true if it kept the interval (or is the first), false if it came too
     * fast, which also lengthens the interval.
     */
    boolean inTime(String deviceCode) {
        String hash = sha256(deviceCode);
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into device_poll (device_code_hash, last_polled_at, interval_seconds) values (?, ?, ?)")
                    .params(hash, Timestamp.from(now), INTERVAL_SECONDS)
                    .update();
            return true;
        } catch (DuplicateKeyException polledBefore) {
            // not the first poll
        }
        Optional<Integer> interval = jdbc.sql("select interval_seconds from device_poll where device_code_hash = ?")
                .param(hash)
                .query(Integer.class)
                .optional();
        if (interval.isEmpty()) {
            return true;
        }
        int seconds = interval.get();
        int counted = jdbc.sql("update device_poll set last_polled_at = ? where device_code_hash = ?"
                        + " and interval_seconds = ? and last_polled_at <= ?")
                .params(Timestamp.from(now), hash, seconds, Timestamp.from(now.minusSeconds(seconds)))
                .update();
        if (counted == 1) {
            return true;
        }
        jdbc.sql("update device_poll set last_polled_at = ?, interval_seconds = case when interval_seconds + ? > ?"
                        + " then ? else interval_seconds + ? end where device_code_hash = ?")
                .params(
                        Timestamp.from(now),
                        SLOW_DOWN_SECONDS,
                        MAX_INTERVAL_SECONDS,
                        MAX_INTERVAL_SECONDS,
                        SLOW_DOWN_SECONDS,
                        hash)
                .update();
        return false;
    }

    /** Forgets the devices that have not polled since {@code before}. */
    int forgetPolledBefore(Instant before) {
        return jdbc.sql("delete from device_poll where last_polled_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    private static String sha256(String deviceCode) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(deviceCode.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
