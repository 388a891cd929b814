package com.example.authserver.scim;

import com.example.authserver.scim.ExtensionProperty.Kind;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.FilterType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One SCIM comparison on one column. Strings: {@code eq ne co sw ew pr gt ge lt le}, on the normalized column where
 * the store keeps one (the value normalized the same way), else case-insensitively unless the attribute is
 * case-exact; {@code co sw ew} are {@code LIKE} with the value's wildcards escaped. Booleans: {@code eq ne pr}.
 * Dates and integers: {@code eq ne pr gt ge lt le}.
 *
 * @param normalizer how the column's values were normalized (null: stored as given)
 */
record ColumnComparison(String key, Path<?> column, Kind kind, boolean caseExact, UnaryOperator<String> normalizer) {

    static final char ESCAPE = '!';

    static ColumnComparison exact(String key, Path<?> column, Kind kind) {
        return new ColumnComparison(key, column, kind, true, null);
    }

    static ColumnComparison caseIgnoring(String key, Path<?> column) {
        return new ColumnComparison(key, column, Kind.STRING, false, null);
    }

    static ColumnComparison normalized(String key, Path<?> column, UnaryOperator<String> normalizer) {
        return new ColumnComparison(key, column, Kind.STRING, true, normalizer);
    }

    Predicate predicate(CriteriaBuilder cb, FilterType type, ValueNode value) throws BadRequestException {
        if (type == FilterType.PRESENT) {
            return kind == Kind.STRING
                    ? cb.and(cb.isNotNull(column), cb.notEqual(column.as(String.class), ""))
                    : cb.isNotNull(column);
        }
        if (value == null || value.isNull()) {
            throw BadRequestException.invalidFilter("'" + key + "' is compared with a value, not null.");
        }
        return switch (kind) {
            case STRING -> string(cb, type, value);
            case BOOLEAN -> bool(cb, type, value);
            case INTEGER -> ordered(cb, type, integer(value));
            case DATETIME -> ordered(cb, type, instant(value));
        };
    }

    private Predicate string(CriteriaBuilder cb, FilterType type, ValueNode value) throws BadRequestException {
        if (!value.isTextual()) {
            throw BadRequestException.invalidFilter("'" + key + "' is compared with a string.");
        }
        Expression<String> expression = column.as(String.class);
        String text = value.textValue();
        if (normalizer != null) {
            text = normalizer.apply(text);
        } else if (!caseExact) {
            expression = cb.lower(expression);
            text = text.toLowerCase(Locale.ROOT);
        }
        return switch (type) {
            case EQUAL -> cb.equal(expression, text);
            case NOT_EQUAL -> cb.or(cb.isNull(column), cb.notEqual(expression, text));
            case CONTAINS -> cb.like(expression, "%" + escape(text) + "%", ESCAPE);
            case STARTS_WITH -> cb.like(expression, escape(text) + "%", ESCAPE);
            case ENDS_WITH -> cb.like(expression, "%" + escape(text), ESCAPE);
            case GREATER_THAN -> cb.greaterThan(expression, text);
            case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(expression, text);
            case LESS_THAN -> cb.lessThan(expression, text);
            case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(expression, text);
            default -> throw CriteriaFilter.unsupported(key, type);
        };
    }

    private Predicate bool(CriteriaBuilder cb, FilterType type, ValueNode value) throws BadRequestException {
        if (!value.isBoolean()) {
            throw BadRequestException.invalidFilter("'" + key + "' is compared with true or false.");
        }
        Expression<Boolean> expression = column.as(Boolean.class);
        return switch (type) {
            case EQUAL -> cb.equal(expression, value.booleanValue());
            case NOT_EQUAL -> cb.notEqual(expression, value.booleanValue());
            default -> throw CriteriaFilter.unsupported(key, type);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate ordered(CriteriaBuilder cb, FilterType type, Comparable bound) throws BadRequestException {
        Expression<Comparable> expression = (Expression<Comparable>) column;
        return switch (type) {
            case EQUAL -> cb.equal(expression, bound);
            case NOT_EQUAL -> cb.or(cb.isNull(expression), cb.notEqual(expression, bound));
            case GREATER_THAN -> cb.greaterThan(expression, bound);
            case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(expression, bound);
            case LESS_THAN -> cb.lessThan(expression, bound);
            case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(expression, bound);
            default -> throw CriteriaFilter.unsupported(key, type);
        };
    }

    private Comparable<?> integer(ValueNode value) throws BadRequestException {
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw BadRequestException.invalidFilter("'" + key + "' is compared with an integer.");
        }
        return column.getJavaType() == Integer.class || column.getJavaType() == int.class
                ? (Comparable<?>) Integer.valueOf(value.intValue())
                : (Comparable<?>) Long.valueOf(value.longValue());
    }

    private Instant instant(ValueNode value) throws BadRequestException {
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw BadRequestException.invalidFilter("'" + key + "' is compared with a date-time (RFC 3339).");
        }
    }

    /**
     * LIKE's wildcards in a value are literal characters in SCIM. The escape character is not a backslash, which
     * MySQL's string literals would take for their own.
     */
    static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
