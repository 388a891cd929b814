package com.example.authserver.admin.roles;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which claims a role may give its members. Tokens take role claims as they are ({@code claims/ClaimsMapping}), so a
 * role must not set what the protocol or the user's own record says: who the token is about and for, when it was
 * issued, how the user signed in, or a verified email.
 */
final class RoleClaimRules {

    /** A claim name as JSON-minded clients expect it: no spaces, no quotes. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.:/-]{1,100}");

    private static final int MAX_VALUE_LENGTH = 1024;

    private static final Set<String> RESERVED = Set.of(
            "iss",
            "sub",
            "aud",
            "exp",
            "nbf",
            "iat",
            "jti",
            "auth_time",
            "nonce",
            "acr",
            "amr",
            "azp",
            "sid",
            "at_hash",
            "c_hash",
            "cnf",
            "act",
            "may_act",
            "scope",
            "client_id",
            "role",
            "name",
            "given_name",
            "family_name",
            "preferred_username",
            "email",
            "email_verified",
            "phone_number",
            "phone_number_verified");

    private RoleClaimRules() {}

    /** The message key of what is wrong with the claim, or null. */
    static String problem(String type, String value) {
        if (type == null || !TYPE.matcher(type.strip()).matches()) {
            return "admin.roles.error.claimType";
        }
        if (RESERVED.contains(type.strip())) {
            return "admin.roles.error.claimType.reserved";
        }
        if (value == null
                || value.isBlank()
                || value.length() > MAX_VALUE_LENGTH
                || value.codePoints().anyMatch(Character::isISOControl)) {
            return "admin.roles.error.claimValue";
        }
        return null;
    }
}
