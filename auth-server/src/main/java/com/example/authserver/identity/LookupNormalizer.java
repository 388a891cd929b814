package com.example.authserver.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one place where user names, emails and role names are normalized for lookups
 * (like ASP.NET Core Identity's {@code UpperInvariantLookupNormalizer}).
 */
public final class LookupNormalizer {

    private LookupNormalizer() {}

    public static String normalizeName(String name) {
        return normalize(name);
    }

    public static String normalizeEmail(String email) {
        return normalize(email);
    }

    private static String normalize(String value) {
        if (value == null) {
            return null;
        }
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    }
}
