package com.example.authserver.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.authserver.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@link UserManager#checkPassword} and the failure count behind lockout, without a server: one user in memory behind
 * a mocked repository, a clock that moves only when told, and a fast password encoder (bcrypt of low cost instead of
 * Argon2id). UserManagerTests checks the same against the database.
 */
class PasswordCheckTests {

    static final String PASSWORD = "Correct-horse-9";

    static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    final ManualClock clock = new ManualClock(T0);

    final IdentityProperties properties = new IdentityProperties();

    final List<Object> events = new ArrayList<>();

    final StaticListableBeanFactory beans = new StaticListableBeanFactory();

    final PasswordEncoder encoder =
            spy(new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(5))));

    final UserRepository users = mock(UserRepository.class);

    final ApplicationUser user = new ApplicationUser();

    UserManager userManager;

    @BeforeEach
    void setUp() {
        properties.getLockout().setMaxFailedAttempts(3);
        properties.getLockout().setDuration(Duration.ofMinutes(5));
        user.setUserName("ana");
        user.setPasswordHash(encoder.encode(PASSWORD));
        when(users.findForUpdateById(user.getId())).thenReturn(Optional.of(user));
        userManager = new UserManager(
                users,
                mock(RoleRepository.class),
                mock(UserClaimRepository.class),
                mock(RoleClaimRepository.class),
                encoder,
                properties,
                new PasswordPolicy(properties),
                beans.getBeanProvider(UserConfirmation.class),
                events::add,
                clock);
    }

    @Test
    void theRightPasswordSucceeds() {
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
    }

    @Test
    void aWrongPasswordFailsAndIsCounted() {
        assertThat(check("wrong")).isEqualTo(PasswordCheckResult.FAILED);
        assertThat(check("Correct-horse-9 ")).isEqualTo(PasswordCheckResult.FAILED);

        assertThat(user.getAccessFailedCount()).isEqualTo(2);
        assertThat(user.getLockoutEnd()).isNull();
        assertThat(events).isEmpty();
    }

    @Test
    void theLastAllowedFailureLocksTheAccountForTheLockoutDurationAndTellsTheOwner() {
        check("wrong");
        check("wrong");

        assertThat(check("wrong")).isEqualTo(PasswordCheckResult.LOCKED_OUT);

        assertThat(user.getLockoutEnd()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(user.getAccessFailedCount())
                .as("the count starts again for after the lockout")
                .isZero();
        assertThat(events).containsExactly(new UserLockedOut(user.getId()));
    }

    @Test
    void aLockedOutUserIsRefusedEvenWithTheRightPasswordUntilTheLockoutEnds() {
        lockOut();

        clock.advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.LOCKED_OUT);
        assertThat(userManager.isActive(user)).isFalse();

        clock.advance(Duration.ofNanos(1));
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(user.getLockoutEnd()).isNull();
        assertThat(userManager.isActive(user)).isTrue();
    }

    @Test
    void attemptsDuringALockoutNeitherCountNorExtendIt() {
        lockOut();
        Instant lockoutEnd = user.getLockoutEnd();
        clock.advance(Duration.ofMinutes(1));

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(check("wrong")).isEqualTo(PasswordCheckResult.LOCKED_OUT);
        }

        assertThat(user.getLockoutEnd()).isEqualTo(lockoutEnd);
        assertThat(user.getAccessFailedCount()).isZero();
        assertThat(events).hasSize(1);
    }

    @Test
    void aLockedOutUsersPasswordIsNotCheckedButTheCheckTakesAsLong() {
        lockOut();
        String hash = user.getPasswordHash();

        check(PASSWORD);

        verify(encoder, never()).matches(PASSWORD, hash);
        verify(encoder).matches(eq(PASSWORD), anyString());
    }

    @Test
    void aRightPasswordEndsARunOfFailures() {
        check("wrong");
        check("wrong");

        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);

        assertThat(user.getAccessFailedCount()).isZero();
        assertThat(check("wrong")).as("counted from zero again").isEqualTo(PasswordCheckResult.FAILED);
        assertThat(check("wrong")).isEqualTo(PasswordCheckResult.FAILED);
    }

    @Test
    void withTwoFactorOnARightPasswordKeepsCountingUntilTheSecondStepSucceeds() {
        user.setTwoFactorEnabled(true);
        check("wrong");
        check("wrong");

        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(user.getAccessFailedCount()).isEqualTo(2);

        assertThat(userManager.accessFailed(user.getId()))
                .as("a wrong code after the right password")
                .isTrue();
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.LOCKED_OUT);
    }

    @Test
    void aCompleteSignInResetsTheCount() {
        user.setTwoFactorEnabled(true);
        check("wrong");
        check("wrong");

        userManager.resetAccessFailedCount(user.getId());

        assertThat(user.getAccessFailedCount()).isZero();
    }

    @Test
    void wrongSecondFactorCodesCountLikeWrongPasswords() {
        assertThat(userManager.accessFailed(user.getId())).isFalse();
        assertThat(check("wrong")).isEqualTo(PasswordCheckResult.FAILED);

        assertThat(userManager.accessFailed(user.getId())).isTrue();
        assertThat(userManager.accessFailed(user.getId()))
                .as("still locked out")
                .isTrue();
        assertThat(events).hasSize(1);
    }

    @Test
    void aUserWithLockoutDisabledIsNeverLockedOut() {
        user.setLockoutEnabled(false);

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(check("wrong")).isEqualTo(PasswordCheckResult.FAILED);
        }

        assertThat(user.getAccessFailedCount()).isZero();
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(events).isEmpty();
    }

    @Test
    void aUserWithoutAPasswordOrAMissingPasswordFailsAndIsCounted() {
        assertThat(check(null)).isEqualTo(PasswordCheckResult.FAILED);
        user.setPasswordHash(null);
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.FAILED);

        assertThat(user.getAccessFailedCount()).isEqualTo(2);
    }

    @Test
    void aRightPasswordOfAUserTheConfirmationRuleDoesNotAllowInIsNotConfirmed() {
        beans.addBean("confirmation", (UserConfirmation) ApplicationUser::isEmailConfirmed);

        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.NOT_CONFIRMED);
        assertThat(check("wrong")).isEqualTo(PasswordCheckResult.FAILED);

        user.setEmailConfirmed(true);
        assertThat(check(PASSWORD)).isEqualTo(PasswordCheckResult.SUCCESS);
    }

    @Test
    void aHashOfOutdatedStrengthIsReplacedAtTheNextRightPassword() {
        user.setPasswordHash("{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));

        check(PASSWORD);

        assertThat(user.getPasswordHash()).startsWith("{bcrypt}$2a$05$");
        assertThat(encoder.matches(PASSWORD, user.getPasswordHash())).isTrue();
    }

    @Test
    void aHashOfCurrentStrengthIsKept() {
        String hash = user.getPasswordHash();

        check(PASSWORD);
        check("wrong");

        assertThat(user.getPasswordHash()).isEqualTo(hash);
    }

    @Test
    void aDisabledUserIsNotActive() {
        user.setEnabled(false);

        assertThat(userManager.isActive(user)).isFalse();
    }

    private PasswordCheckResult check(String password) {
        return userManager.checkPassword(user.getId(), password);
    }

    private void lockOut() {
        for (int attempt = 0; attempt < properties.getLockout().getMaxFailedAttempts(); attempt++) {
            check("wrong");
        }
        assertThat(user.isLockedOut(clock.instant())).isTrue();
    }
}
