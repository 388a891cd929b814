package com.example.authserver.imports.aspnet;

import com.example.authserver.imports.aspnet.AspNetRows.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads one {@code AspNetUsers} row. Only LockoutEnd needs care: EF stores a DateTimeOffset as SQL Server's
 * datetimeoffset, PostgreSQL's timestamptz (Npgsql, in UTC), MySQL's datetime(6) (Pomelo, in UTC, without offset) and
 * SQLite's TEXT ({@code 2030-01-01 00:00:00+00:00}); each driver hands it over as another Java type.
 */
final class UserRow {

    private UserRow() {}

    static User read(ResultSet rs, Collection<String> extraColumns) throws SQLException {
        Instant lockoutEnd = null;
        String lockoutEndProblem = null;
        try {
            lockoutEnd = lockoutEnd(rs);
        } catch (DateTimeParseException | SQLException ex) {
            lockoutEndProblem = "LockoutEnd '" + rs.getString("LockoutEnd") + "' is not a date and time";
        }
        SortedMap<String, String> mapped = new TreeMap<>();
        for (String column : extraColumns) {
            mapped.put(column, rs.getString(column));
        }
        return new User(
                rs.getString("Id"),
                rs.getString("UserName"),
                rs.getString("NormalizedUserName"),
                rs.getString("Email"),
                rs.getBoolean("EmailConfirmed"),
                rs.getString("PasswordHash"),
                rs.getString("SecurityStamp"),
                rs.getString("ConcurrencyStamp"),
                rs.getString("PhoneNumber"),
                rs.getBoolean("PhoneNumberConfirmed"),
                rs.getBoolean("TwoFactorEnabled"),
                lockoutEnd,
                lockoutEndProblem,
                rs.getBoolean("LockoutEnabled"),
                rs.getInt("AccessFailedCount"),
                mapped);
    }

    /** In microseconds, the finest every target database keeps (.NET's "locked for ever" is 9999-12-31 23:59:59.9999999). */
    private static Instant lockoutEnd(ResultSet rs) throws SQLException {
        Object value = rs.getObject("LockoutEnd");
        Instant instant;
        if (value == null) {
            return null;
        } else if (value instanceof OffsetDateTime offset) {
            instant = offset.toInstant();
        } else if (value instanceof Timestamp timestamp) {
            instant = timestamp.toInstant(); // PostgreSQL's timestamptz: an instant
        } else if (value instanceof LocalDateTime local) {
            instant = local.toInstant(ZoneOffset.UTC); // Pomelo writes UTC
        } else if (value instanceof String text) {
            instant = parse(text);
        } else {
            // SQL Server's datetimeoffset (microsoft.sql.DateTimeOffset)
            instant = rs.getObject("LockoutEnd", OffsetDateTime.class).toInstant();
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** SQLite's text: {@code 2030-01-01 00:00:00+00:00}, with or without fraction, offset or the ISO {@code T}. */
    static Instant parse(String text) {
        String iso = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ex) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }
}
