package com.example.authserver.authorization;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns claim values into what the allow-listed mapper stores as it is (strings, numbers, booleans, instants, dates,
 * lists, sets and maps), so that a claim of any other type a user class produces is stored as its text instead of
 * failing the mapper. Dates stay dates: the ID token's {@code auth_time} is one, and is copied into later ID tokens.
 */
final class JsonValues {

    private JsonValues() {}

    static Map<String, Object> plain(Map<?, ?> map) {
        Map<String, Object> plain = new LinkedHashMap<>();
        map.forEach((key, value) -> plain.put(String.valueOf(key), plain(value)));
        return plain;
    }

    static Object plain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Instant
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Number number) {
            return (number instanceof Float) ? (Object) number.doubleValue() : (Object) number.longValue();
        }
        if (value instanceof Date date) {
            return new Date(date.getTime());
        }
        if (value instanceof Map<?, ?> map) {
            return plain(map);
        }
        if (value instanceof Set<?> set) {
            Set<Object> plain = new LinkedHashSet<>();
            set.forEach(element -> plain.add(plain(element)));
            return plain;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> plain = new ArrayList<>();
            collection.forEach(element -> plain.add(plain(element)));
            return plain;
        }
        if (value.getClass().isArray()) {
            List<Object> plain = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                plain.add(plain(Array.get(value, i)));
            }
            return plain;
        }
        return value.toString();
    }
}
