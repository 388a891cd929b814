package com.example.authserver.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@ServerTest
class UserManagerTests {

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    UserRepository users;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createdUserIsFoundByNameAndEmailInAnyCaseAndHasAnArgon2Hash() {
        ApplicationUser user = testUsers.create("Mixed.Case");

        assertThat(userManager.findByName(user.getUserName().toUpperCase()))
                .map(ApplicationUser::getId)
                .contains(user.getId());
        assertThat(userManager.findByEmail(" " + user.getEmail().toLowerCase() + " "))
                .map(ApplicationUser::getId)
                .contains(user.getId());
        assertThat(user.getNormalizedUserName()).isEqualTo(user.getUserName().toUpperCase());
        assertThat(user.getPasswordHash()).startsWith("{argon2}").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void userNameIsUniqueIgnoringCase() {
        ApplicationUser existing = testUsers.create("unique");
        ApplicationUser duplicate = new ApplicationUser();
        duplicate.setUserName(existing.getUserName().toUpperCase());

        assertThatThrownBy(() -> userManager.create(duplicate, TestUsers.PASSWORD))
                .isInstanceOfSatisfying(
                        IdentityException.class, ex -> assertThat(ex.getCode()).isEqualTo("DuplicateUserName"));
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        ApplicationUser existing = testUsers.create("email");
        ApplicationUser duplicate = new ApplicationUser();
        duplicate.setUserName("other-" + existing.getUserName());
        duplicate.setEmail(existing.getEmail().toUpperCase());

        assertThatThrownBy(() -> userManager.create(duplicate, TestUsers.PASSWORD))
                .isInstanceOfSatisfying(
                        IdentityException.class, ex -> assertThat(ex.getCode()).isEqualTo("DuplicateEmail"));
    }

    @Test
    void shortPasswordIsRejected() {
        ApplicationUser user = new ApplicationUser();
        user.setUserName("short-password");

        assertThatThrownBy(() -> userManager.create(user, "1234567"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("at least 8");
    }

    @Test
    void failedChecksLockTheAccountUntilTheLockoutEnds() {
        ApplicationUser user = testUsers.create("lockout");
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(userManager.checkPassword(user.getId(), "wrong")).isEqualTo(PasswordCheckResult.FAILED);
        }
        assertThat(userManager.checkPassword(user.getId(), "wrong")).isEqualTo(PasswordCheckResult.LOCKED_OUT);
        assertThat(userManager.checkPassword(user.getId(), TestUsers.PASSWORD))
                .isEqualTo(PasswordCheckResult.LOCKED_OUT);
        assertThat(userManager.isActive(userManager.findById(user.getId()).orElseThrow()))
                .isFalse();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(userManager.checkPassword(user.getId(), TestUsers.PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
        ApplicationUser unlocked = userManager.findById(user.getId()).orElseThrow();
        assertThat(unlocked.getAccessFailedCount()).isZero();
        assertThat(unlocked.getLockoutEnd()).isNull();
    }

    @Test
    void changingThePasswordRenewsTheSecurityStamp() {
        ApplicationUser user = testUsers.create("change");

        userManager.changePassword(user, TestUsers.PASSWORD, "A-new-password-1");

        ApplicationUser changed = userManager.findById(user.getId()).orElseThrow();
        assertThat(changed.getSecurityStamp()).isNotEqualTo(user.getSecurityStamp());
        assertThat(userManager.checkPassword(user.getId(), "A-new-password-1")).isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(userManager.checkPassword(user.getId(), TestUsers.PASSWORD)).isEqualTo(PasswordCheckResult.FAILED);
    }

    @Test
    void changingThePasswordRequiresTheCurrentOne() {
        ApplicationUser user = testUsers.create("change-wrong");

        assertThatThrownBy(() -> userManager.changePassword(user, "not-it", "A-new-password-1"))
                .isInstanceOfSatisfying(
                        IdentityException.class, ex -> assertThat(ex.getCode()).isEqualTo("PasswordMismatch"));
    }

    @Test
    void twoConcurrentUpdatesOfOneUserCannotBothWin() {
        ApplicationUser user = testUsers.create("concurrent");
        ApplicationUser first = userManager.findById(user.getId()).orElseThrow();
        ApplicationUser second = userManager.findById(user.getId()).orElseThrow();

        first.setGivenName("First");
        userManager.update(first);
        second.setGivenName("Second");

        assertThatThrownBy(() -> userManager.update(second))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(userManager.findById(user.getId()).orElseThrow().getGivenName())
                .isEqualTo("First");
    }

    @Test
    void claimsAndRolesAreAddedAndRemoved() {
        ApplicationUser user = testUsers.create("claims");
        roleManager.findOrCreate("Auditors");

        userManager.addClaim(user, "department", "Finance");
        userManager.addToRole(user, "auditors");

        assertThat(userManager.getClaims(user))
                .extracting(UserClaim::getClaimType, UserClaim::getClaimValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("department", "Finance"));
        assertThat(userManager.getRoleNames(user)).containsExactly("Auditors");

        userManager.removeClaim(user, "department", "Finance");
        userManager.removeFromRole(user, "Auditors");

        assertThat(userManager.getClaims(user)).isEmpty();
        assertThat(userManager.getRoleNames(user)).isEmpty();
    }

    @Test
    void addingToARoleThatDoesNotExistFails() {
        ApplicationUser user = testUsers.create("no-role");

        assertThatThrownBy(() -> userManager.addToRole(user, "Nonexistent"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("Nonexistent");
    }

    @Test
    void anImportedBcryptHashStillVerifiesAndIsUpgradedToArgon2() {
        ApplicationUser user = testUsers.create("bcrypt");
        ApplicationUser current = users.findById(user.getId()).orElseThrow();
        current.setPasswordHash("{bcrypt}" + new BCryptPasswordEncoder(4).encode("Imported-pass-1"));
        users.saveAndFlush(current);

        assertThat(userManager.checkPassword(user.getId(), "Imported-pass-1")).isEqualTo(PasswordCheckResult.SUCCESS);

        assertThat(users.findById(user.getId()).orElseThrow().getPasswordHash()).startsWith("{argon2}");
    }
}
