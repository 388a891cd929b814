package com.example.authserver.seed;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * THE development users, keyed by user name: created at the first start; at later starts their
 * profile properties, claims and roles are brought back to what is written here, so a second start with
 * the same list changes nothing. {@code admin} has the administrator role ({@link IdentityRole#ADMIN_NAME}: the
 * admin console, the actuator). Never runs with the {@code prod} profile: production's first administrator comes from
 * the {@code admin create} command (admin/AdminCommandLine).
 */
@Component
@Profile("!prod")
class SeedUsers implements Seeder {

    static final String PASSWORD = "Pass123$";

    record SeedUser(
            String userName,
            String email,
            Consumer<ApplicationUser> profile,
            Map<String, String> claims,
            Set<String> roles) {}

    static final List<SeedUser> USERS = List.of(
            new SeedUser(
                    "alice",
                    "AliceSmith@example.com",
                    user -> {
                        user.setGivenName("Alice");
                        user.setFamilyName("Smith");
                    },
                    Map.of("name", "Alice Smith", "website", "http://alice.example.com"),
                    Set.of()),
            new SeedUser(
                    "bob",
                    "BobSmith@example.com",
                    user -> {
                        user.setGivenName("Bob");
                        user.setFamilyName("Smith");
                    },
                    Map.of("name", "Bob Smith", "website", "http://bob.example.com", "location", "somewhere"),
                    Set.of()),
            new SeedUser(
                    "admin",
                    "admin@example.com",
                    user -> {
                        user.setGivenName("Admin");
                        user.setFamilyName("User");
                    },
                    Map.of("name", "Admin User"),
                    Set.of(IdentityRole.ADMIN_NAME)));

    private static final Logger log = LoggerFactory.getLogger(SeedUsers.class);

    private final UserManager userManager;

    private final RoleManager roleManager;

    SeedUsers(UserManager userManager, RoleManager roleManager) {
        this.userManager = userManager;
        this.roleManager = roleManager;
    }

    @Override
    public void seed() {
        for (SeedUser seed : USERS) {
            ApplicationUser user = userManager.findByName(seed.userName()).orElse(null);
            if (user == null) {
                user = create(seed);
                log.info("Seeded user '{}'", seed.userName());
            } else {
                seed.profile().accept(user);
                user = userManager.update(user);
            }
            addMissingClaims(user, seed.claims());
            addMissingRoles(user, seed.roles());
        }
        log.info(
                "Development users: {} (password in the README)",
                USERS.stream().map(SeedUser::userName).toList());
    }

    private ApplicationUser create(SeedUser seed) {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(seed.userName());
        user.setEmail(seed.email());
        user.setEmailConfirmed(true);
        seed.profile().accept(user);
        return userManager.create(user, PASSWORD);
    }

    private void addMissingRoles(ApplicationUser user, Set<String> roles) {
        Set<String> held = userManager.getRoleNames(user).stream()
                .map(LookupNormalizer::normalizeName)
                .collect(Collectors.toSet());
        roles.stream()
                .sorted()
                .filter(role -> !held.contains(LookupNormalizer.normalizeName(role)))
                .forEach(role -> {
                    roleManager.findOrCreate(role);
                    userManager.addToRole(user, role);
                });
    }

    private void addMissingClaims(ApplicationUser user, Map<String, String> claims) {
        Set<String> existing = userManager.getClaims(user).stream()
                .map(claim -> claim.getClaimType() + "\n" + claim.getClaimValue())
                .collect(Collectors.toSet());
        claims.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(claim -> !existing.contains(claim.getKey() + "\n" + claim.getValue()))
                .forEach(claim -> userManager.addClaim(user, claim.getKey(), claim.getValue()));
    }
}
