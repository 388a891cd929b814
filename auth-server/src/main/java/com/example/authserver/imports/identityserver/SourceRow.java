package com.example.authserver.imports.identityserver;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of an IdentityServer table or one object of the JSON export: its columns by name, case-insensitively (the
 * database gives {@code RequirePkce}, the export {@code requirePkce}), read with IdentityServer's default when absent.
 * Values arrive as JDBC or JSON types; the getters accept both (a bit or a boolean, an int or an enum's name).
 */
final class SourceRow {

    private final Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private final String table;

    SourceRow(String table, Map<String, Object> values) {
        this.table = table;
        this.values.putAll(values);
    }

    String string(String column) {
        Object value = values.get(column);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    boolean bool(String column, boolean absent) {
        Object value = values.get(column);
        if (value == null) {
            return absent;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("1")) {
            return true;
        }
        if (text.equals("false") || text.equals("0")) {
            return false;
        }
        throw invalid(column, value, "true or false");
    }

    int integer(String column, int absent) {
        Object value = values.get(column);
        if (value == null) {
            return absent;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException ex) {
            throw invalid(column, value, "a whole number");
        }
    }

    /** An IdentityServer enum column: its number in the database, its number or name in JSON ({@code names[i]}). */
    int enumeration(String column, int absent, String... names) {
        Object value = values.get(column);
        if (value instanceof String text
                && !text.isBlank()
                && !Character.isDigit(text.strip().charAt(0))) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text.strip())) {
                    return i;
                }
            }
            throw invalid(column, value, "one of " + String.join(", ", names));
        }
        return integer(column, absent);
    }

    /** A date column: Entity Framework stores UTC times without an offset, so one without an offset is UTC. */
    Instant instant(String column) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return parseInstant(column, value.toString().strip());
    }

    private Instant parseInstant(String column, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ex) {
                throw invalid(column, text, "a date and time (ISO 8601)");
            }
        }
    }

    private IllegalArgumentException invalid(String column, Object value, String expected) {
        return new IllegalArgumentException(table + "." + column + " is '" + value + "', not " + expected);
    }
}
