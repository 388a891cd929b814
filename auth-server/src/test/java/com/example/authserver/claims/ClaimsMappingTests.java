package com.example.authserver.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class ClaimsMappingTests {

    @Autowired
    ClaimsMapping claimsMapping;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    TestUsers testUsers;

    @Test
    void openidAloneReleasesOnlyTheSubject() {
        ApplicationUser user = testUsers.create("openid");

        assertThat(claimsMapping.claimsFor(user, List.of("openid")))
                .containsOnlyKeys("sub")
                .containsEntry("sub", user.getId());
    }

    @Test
    void profileReleasesNamesFromTheUserPropertiesAndCustomClaims() {
        ApplicationUser user = testUsers.create("profile");
        userManager.addClaim(user, "location", "Lisbon");

        Map<String, Object> claims = claimsMapping.claimsFor(user, List.of("openid", "profile"));

        assertThat(claims)
                .containsEntry("given_name", "Test")
                .containsEntry("family_name", "User")
                .containsEntry("name", "Test User")
                .containsEntry("preferred_username", user.getUserName())
                .containsEntry("location", "Lisbon")
                .doesNotContainKeys("email", "email_verified");
    }

    @Test
    void emailScopeReleasesEmailAndItsVerification() {
        ApplicationUser user = testUsers.create("email");

        assertThat(claimsMapping.claimsFor(user, List.of("openid", "email")))
                .containsEntry("email", user.getEmail())
                .containsEntry("email_verified", true)
                .doesNotContainKey("preferred_username");
    }

    @Test
    void rolesAndRoleClaimsAreReleasedWithProfile() {
        ApplicationUser user = testUsers.create("roles");
        IdentityRole admins = roleManager.findOrCreate("Admins");
        roleManager.findOrCreate("Editors");
        roleManager.addClaim(admins, "permission", "users.manage");
        userManager.addToRole(user, "Admins");
        userManager.addToRole(user, "Editors");

        Map<String, Object> claims = claimsMapping.claimsFor(user, List.of("openid", "profile"));

        assertThat(claims)
                .containsEntry("role", List.of("Admins", "Editors"))
                .containsEntry("permission", "users.manage");
    }

    @Test
    void repeatedCustomClaimsBecomeAList() {
        ApplicationUser user = testUsers.create("repeated");
        userManager.addClaim(user, "group", "a");
        userManager.addClaim(user, "group", "b");

        assertThat(claimsMapping.claimsFor(user, List.of("profile"))).containsEntry("group", List.of("a", "b"));
    }

    @Test
    void aStoredClaimCannotReplaceTheSubject() {
        ApplicationUser user = testUsers.create("sub");
        userManager.addClaim(user, "sub", "someone-else");

        assertThat(claimsMapping.claimsFor(user, List.of("openid", "profile"))).containsEntry("sub", user.getId());
    }
}
