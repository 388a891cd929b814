package com.example.authserver.scim;

import com.example.authserver.identity.ApplicationUser;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import java.util.Arrays;

/**
 * Weak entity tags (RFC 7644 section 3.14): a user's is its concurrency stamp, the optimistic lock's version, so a
 * tag changes with every stored change; {@code If-Match} with another tag is refused with 412 before anything is done.
 */
final class ETags {

    private ETags() {}

    static String of(ApplicationUser user) {
        return of(Long.toString(user.getConcurrencyStamp()));
    }

    static String of(String version) {
        return "W/\"" + version + "\"";
    }

    /** Nothing for a request without {@code If-Match}; else one of its tags (or {@code *}) must be the current one. */
    static void requireMatch(String ifMatch, String current) throws PreconditionFailedException {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque(current)));
        if (!matches) {
            throw new PreconditionFailedException("The resource has changed since that version (" + current + ").");
        }
    }

    /** The quoted part: a weak and a strong tag of the same version match, as If-Match's clients expect here. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
