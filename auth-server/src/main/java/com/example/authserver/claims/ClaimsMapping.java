package com.example.authserver.claims;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleClaim;
import com.example.authserver.identity.UserClaim;
import com.example.authserver.identity.UserManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * THE mapping from a user to the claims in their ID token, access token and UserInfo response
 * (IdentityServer's "profile service"). Edit {@link #collect} to add a claim from a new
 * {@link ApplicationUser} property; {@link #SCOPE_CLAIMS} says which scope releases which claim.
 */
@Component
public class ClaimsMapping {

    /**
     * Which claims each scope releases (OpenID Connect Core, section 5.4). A claim listed under no
     * scope here (such as {@code role} or {@code location}) is released with {@code profile}.
     */
    static final Map<String, Set<String>> SCOPE_CLAIMS = Map.of(
            "openid", Set.of("sub"),
            "profile",
                    Set.of(
                            "name",
                            "family_name",
                            "given_name",
                            "middle_name",
                            "nickname",
                            "preferred_username",
                            "profile",
                            "picture",
                            "website",
                            "gender",
                            "birthdate",
                            "zoneinfo",
                            "locale",
                            "updated_at"),
            "email", Set.of("email", "email_verified"),
            "address", Set.of("address"),
            "phone", Set.of("phone_number", "phone_number_verified"));

    private static final String CUSTOM_CLAIMS_SCOPE = "profile";

    private final UserManager userManager;

    public ClaimsMapping(UserManager userManager) {
        this.userManager = userManager;
    }

    /** The user's claims that the granted scopes release, in a stable order. */
    public Map<String, Object> claimsFor(ApplicationUser user, Collection<String> grantedScopes) {
        Map<String, Object> released = new LinkedHashMap<>();
        collect(user).forEach((type, value) -> {
            if (isReleased(type, grantedScopes)) {
                released.put(type, value);
            }
        });
        return released;
    }

    /** Every claim of the user, before scope filtering: add your ApplicationUser properties here. */
    private Map<String, Object> collect(ApplicationUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.getId());
        claims.put("preferred_username", user.getUserName());
        putIfPresent(claims, "given_name", user.getGivenName());
        putIfPresent(claims, "family_name", user.getFamilyName());
        putIfPresent(
                claims,
                "name",
                String.join(
                        " ",
                        Stream.of(user.getGivenName(), user.getFamilyName())
                                .filter(Objects::nonNull)
                                .toList()));
        if (user.getEmail() != null) {
            claims.put("email", user.getEmail());
            claims.put("email_verified", user.isEmailConfirmed());
        }
        if (user.getPhoneNumber() != null) {
            claims.put("phone_number", user.getPhoneNumber());
            claims.put("phone_number_verified", user.isPhoneNumberConfirmed());
        }
        for (UserClaim claim : userManager.getClaims(user)) {
            add(claims, claim.getClaimType(), claim.getClaimValue());
        }
        for (RoleClaim claim : userManager.getRoleClaims(user)) {
            add(claims, claim.getClaimType(), claim.getClaimValue());
        }
        Set<String> roles = userManager.getRoleNames(user);
        if (!roles.isEmpty()) {
            claims.put("role", List.copyOf(roles));
        }
        return claims;
    }

    private static boolean isReleased(String claimType, Collection<String> grantedScopes) {
        boolean standard = false;
        for (Map.Entry<String, Set<String>> scope : SCOPE_CLAIMS.entrySet()) {
            if (scope.getValue().contains(claimType)) {
                standard = true;
                if (grantedScopes.contains(scope.getKey())) {
                    return true;
                }
            }
        }
        return !standard && grantedScopes.contains(CUSTOM_CLAIMS_SCOPE);
    }

    private static void putIfPresent(Map<String, Object> claims, String type, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(type, value);
        }
    }

    /** A stored claim overrides a property-based one of the same type; repeated types become a list. */
    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> claims, String type, String value) {
        if ("sub".equals(type)) {
            return;
        }
        Object existing = claims.get(type);
        if (existing instanceof List<?> list) {
            List<String> values = new ArrayList<>((List<String>) list);
            if (!values.contains(value)) {
                values.add(value);
            }
            claims.put(type, values);
        } else if (existing instanceof String single && !single.equals(value) && isMultiValued(type)) {
            claims.put(type, List.of(single, value));
        } else {
            claims.put(type, value);
        }
    }

    private static boolean isMultiValued(String type) {
        return SCOPE_CLAIMS.values().stream().noneMatch(claims -> claims.contains(type));
    }
}
