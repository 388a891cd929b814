package com.example.authserver.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleClaim;
import com.example.authserver.identity.UserClaim;
import com.example.authserver.identity.UserManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimsMapping} for a user built in memory, without a server: which scope releases which claim, and how stored
 * claims and roles are merged. The user manager, which reads stored claims and roles from the database, is mocked;
 * ClaimsMappingTests checks the same with users, claims and roles in the database.
 */
class ClaimsPerScopeTests {

    final UserManager userManager = mock(UserManager.class);

    final ClaimsMapping mapping = new ClaimsMapping(userManager);

    final ApplicationUser user = new ApplicationUser();

    final List<UserClaim> userClaims = new ArrayList<>();

    final List<RoleClaim> roleClaims = new ArrayList<>();

    final Set<String> roles = new TreeSet<>();

    @BeforeEach
    void setUp() {
        user.setUserName("ana");
        user.setEmail("ana@example.com");
        user.setGivenName("Ana");
        user.setFamilyName("Lima");
        when(userManager.getClaims(any())).thenReturn(userClaims);
        when(userManager.getRoleClaims(any())).thenReturn(roleClaims);
        when(userManager.getRoleNames(any())).thenReturn(roles);
    }

    @Test
    void openidAloneReleasesOnlyTheSubject() {
        assertThat(claims("openid")).containsExactly(Map.entry("sub", user.getId()));
    }

    @Test
    void noScopeReleasesNothing() {
        assertThat(claims()).isEmpty();
        assertThat(claims("api.read")).as("a scope of no claims").isEmpty();
    }

    @Test
    void profileReleasesTheNamesAndTheUserName() {
        assertThat(claims("openid", "profile"))
                .containsExactly(
                        Map.entry("sub", user.getId()),
                        Map.entry("preferred_username", "ana"),
                        Map.entry("given_name", "Ana"),
                        Map.entry("family_name", "Lima"),
                        Map.entry("name", "Ana Lima"));
    }

    @Test
    void theFullNameIsMadeOfTheNamesTheUserHas() {
        user.setFamilyName(null);
        assertThat(claims("profile")).containsEntry("name", "Ana").doesNotContainKey("family_name");

        user.setGivenName(null);
        assertThat(claims("profile")).doesNotContainKeys("name", "given_name", "family_name");

        user.setGivenName("  ");
        assertThat(claims("profile")).as("blank").doesNotContainKey("given_name");
    }

    @Test
    void emailReleasesTheAddressAndWhetherItIsConfirmed() {
        assertThat(claims("email"))
                .containsExactly(Map.entry("email", "ana@example.com"), Map.entry("email_verified", false));

        user.setEmailConfirmed(true);
        assertThat(claims("email")).containsEntry("email_verified", true);

        user.setEmail(null);
        assertThat(claims("email")).isEmpty();
    }

    @Test
    void phoneReleasesTheNumberAndWhetherItIsConfirmedIfTheUserHasOne() {
        assertThat(claims("phone")).isEmpty();

        user.setPhoneNumber("+351 21 000 0000");
        user.setPhoneNumberConfirmed(true);

        assertThat(claims("phone"))
                .containsExactly(
                        Map.entry("phone_number", "+351 21 000 0000"), Map.entry("phone_number_verified", true));
        assertThat(claims("profile", "email")).doesNotContainKeys("phone_number", "phone_number_verified");
    }

    @Test
    void aStoredStandardClaimIsReleasedByItsOwnScopeOnly() {
        userClaims.add(userClaim("address", "Rua Augusta 1, Lisboa"));

        assertThat(claims("openid", "profile")).doesNotContainKey("address");
        assertThat(claims("address")).containsExactly(Map.entry("address", "Rua Augusta 1, Lisboa"));
    }

    @Test
    void customClaimsAndRolesAreReleasedWithProfile() {
        userClaims.add(userClaim("department", "Finance"));
        roleClaims.add(roleClaim("permission", "users.manage"));
        roles.addAll(List.of("Editors", "Admins"));

        assertThat(claims("openid", "email")).doesNotContainKeys("department", "permission", "role");
        assertThat(claims("profile"))
                .containsEntry("department", "Finance")
                .containsEntry("permission", "users.manage")
                .containsEntry("role", List.of("Admins", "Editors"));
    }

    @Test
    void aStoredClaimReplacesTheOneFromTheUsersPropertiesRatherThanAddingToIt() {
        userClaims.add(userClaim("given_name", "Aninha"));

        assertThat(claims("profile")).containsEntry("given_name", "Aninha");
    }

    @Test
    void repeatedCustomClaimsFromUserAndRolesBecomeOneListWithoutDuplicates() {
        userClaims.add(userClaim("group", "a"));
        userClaims.add(userClaim("group", "b"));
        roleClaims.add(roleClaim("group", "a"));
        roleClaims.add(roleClaim("group", "c"));
        roleClaims.add(roleClaim("team", "x"));
        roleClaims.add(roleClaim("team", "x"));

        assertThat(claims("profile"))
                .containsEntry("group", List.of("a", "b", "c"))
                .containsEntry("team", "x");
    }

    @Test
    void aStoredClaimCannotReplaceTheSubject() {
        userClaims.add(userClaim("sub", "someone-else"));
        roleClaims.add(roleClaim("sub", "someone-else"));

        assertThat(claims("openid", "profile")).containsEntry("sub", user.getId());
    }

    private Map<String, Object> claims(String... scopes) {
        return mapping.claimsFor(user, List.of(scopes));
    }

    private static UserClaim userClaim(String type, String value) {
        UserClaim claim = mock(UserClaim.class);
        when(claim.getClaimType()).thenReturn(type);
        when(claim.getClaimValue()).thenReturn(value);
        return claim;
    }

    private static RoleClaim roleClaim(String type, String value) {
        RoleClaim claim = mock(RoleClaim.class);
        when(claim.getClaimType()).thenReturn(type);
        when(claim.getClaimValue()).thenReturn(value);
        return claim;
    }
}
