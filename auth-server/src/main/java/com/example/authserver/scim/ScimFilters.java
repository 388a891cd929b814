package com.example.authserver.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.Locale;

/**
 * Parses {@code filter} parameters with the SDK, within bounds: a filter longer than {@value #MAX_LENGTH} characters,
 * nested deeper than {@value #MAX_DEPTH} levels or with more than {@value #MAX_TERMS} comparisons is refused as
 * {@code invalidFilter} before or after parsing, so no filter costs the server more than a small query.
 */
final class ScimFilters {

    static final int MAX_LENGTH = 1000;

    static final int MAX_DEPTH = 8;

    static final int MAX_TERMS = 32;

    private ScimFilters() {}

    static Filter parse(String text) throws BadRequestException {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw BadRequestException.invalidFilter("A filter may be at most " + MAX_LENGTH + " characters long.");
        }
        requireShallow(text);
        Filter filter;
        try {
            filter = Filter.fromString(text);
        } catch (BadRequestException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw BadRequestException.invalidFilter("The filter could not be parsed.");
        }
        if (terms(filter) > MAX_TERMS) {
            throw BadRequestException.invalidFilter("A filter may hold at most " + MAX_TERMS + " comparisons.");
        }
        return filter;
    }

    /** Counts brackets outside string literals; the SDK's recursive parser never sees a deeper filter. */
    private static void requireShallow(String text) throws BadRequestException {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw BadRequestException.invalidFilter(
                            "A filter may be nested at most " + MAX_DEPTH + " levels deep.");
                }
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
    }

    private static int terms(Filter filter) {
        if (filter.isCombiningFilter()) {
            return filter.getCombinedFilters().stream()
                    .mapToInt(ScimFilters::terms)
                    .sum();
        }
        if (filter.isNotFilter()) {
            return terms(filter.getInvertedFilter());
        }
        if (filter.isComplexValueFilter()) {
            return terms(filter.getValueFilter());
        }
        return 1;
    }

    /**
     * A path as a lower-case key: {@code name.givenname}, {@code emails.value}; an extension's attributes keep their
     * schema, {@code urn:...:user:department}; the core schema's URN, written out, is dropped.
     */
    static String key(Path path, String coreSchema) {
        StringBuilder key = new StringBuilder();
        String schema = path.getSchemaUrn();
        if (schema != null && !schema.equalsIgnoreCase(coreSchema)) {
            key.append(schema).append(':');
        }
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                key.append('.');
            }
            key.append(path.getElement(i).getAttribute());
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
