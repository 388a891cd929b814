package com.example.authserver.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.AuthenticatorApp;
import com.example.authserver.support.ManualClock;
import com.example.authserver.twofactor.TwoFactor.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The second step of a sign-in and turning two-factor sign-in on, without a server: real keys and recovery codes over
 * rows in memory, a phone's authenticator app ({@link AuthenticatorApp}, java-otp as apps use it) on a clock that moves
 * only when told, and the user manager mocked (its lockout count has its own tests: identity/PasswordCheckTests).
 */
class TwoFactorTests {

    static final String USER = "user-1";

    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T10:00:10Z"));

    final InMemoryUserTokens tokens = new InMemoryUserTokens();

    final AuthenticatorKeys keys =
            new AuthenticatorKeys(tokens.repository, new AuthenticatorKeysTests.SealingCipher().mock);

    final RecoveryCodes recoveryCodes = new RecoveryCodes(tokens.repository);

    final UserManager userManager = mock(UserManager.class);

    final TwoFactor twoFactor = new TwoFactor(keys, recoveryCodes, userManager, new TwoFactorProperties(), clock);

    AuthenticatorApp app;

    @BeforeEach
    void setUpTheApp() {
        app = new AuthenticatorApp(keys.replace(USER), clock);
    }

    @Test
    void theCodeTheAppShowsSignsInAndEndsTheRunOfFailures() {
        assertThat(twoFactor.verify(USER, app.code())).isEqualTo(Outcome.SUCCEEDED);

        verify(userManager).resetAccessFailedCount(USER);
        verify(userManager, never()).accessFailed(anyString());
    }

    @Test
    void aCodeUsedOnceIsRefusedTheSecondTime() {
        String code = app.code();
        twoFactor.verify(USER, code);

        assertThat(twoFactor.verify(USER, code)).isEqualTo(Outcome.FAILED);
        verify(userManager).accessFailed(USER);
    }

    @Test
    void aCodeIsRefusedOnceALaterCodeWasUsed() {
        String current = app.code();
        assertThat(twoFactor.verify(USER, app.nextCode())).isEqualTo(Outcome.SUCCEEDED);

        assertThat(twoFactor.verify(USER, current)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void theNextCodeWorksAfterTheCurrentOne() {
        twoFactor.verify(USER, app.code());
        clock.advance(Duration.ofSeconds(30));

        assertThat(twoFactor.verify(USER, app.code())).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aCodeFromAMinuteAgoIsRefused() {
        String code = app.code();
        clock.advance(Duration.ofSeconds(60));

        assertThat(twoFactor.verify(USER, code)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void spacesAroundAndInsideTheCodeDoNotMatter() {
        String code = app.code();

        assertThat(twoFactor.verify(USER, " " + code.substring(0, 3) + " " + code.substring(3) + " "))
                .isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aWrongCodeCountsTowardsLockoutAndSaysWhenItLocks() {
        when(userManager.accessFailed(USER)).thenReturn(false, true);

        assertThat(twoFactor.verify(USER, wrongCode())).isEqualTo(Outcome.FAILED);
        assertThat(twoFactor.verify(USER, null)).isEqualTo(Outcome.LOCKED_OUT);
        verify(userManager, never()).resetAccessFailedCount(anyString());
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        String code = recoveryCodes.regenerate(USER).get(0);

        assertThat(twoFactor.verify(USER, code)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(twoFactor.verify(USER, code)).isEqualTo(Outcome.FAILED);
        assertThat(twoFactor.recoveryCodesLeft(USER)).isEqualTo(9);
    }

    @Test
    void withoutAKeyNoAppCodeWorks() {
        String code = app.code();
        keys.remove(USER);

        assertThat(twoFactor.verify(USER, code)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void twoFactorSignInIsTurnedOnOnlyWithAValidCodeAndGivesRecoveryCodesWhenNoneAreLeft() {
        assertThat(twoFactor.enable(USER, wrongCode())).isEmpty();
        verify(userManager, never()).updateSecurity(anyString(), any());

        Optional<List<String>> codes = twoFactor.enable(USER, app.code());

        assertThat(codes.orElseThrow()).hasSize(10).doesNotHaveDuplicates();
        ApplicationUser user = new ApplicationUser();
        changeMadeBy(1).accept(user);
        assertThat(user.isTwoFactorEnabled()).isTrue();

        clock.advance(Duration.ofSeconds(30));
        assertThat(twoFactor.enable(USER, app.code()))
                .as("codes left: no new ones")
                .contains(List.of());
    }

    @Test
    void theSetUpShowsTheKeyInGroupsOfFourAndTheUriForTheApp() {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getId()).thenReturn(USER);
        when(user.getUserName()).thenReturn("ana");
        String key = keys.find(USER).orElseThrow();

        TwoFactor.SetUp setUp = twoFactor.setUp(user);

        assertThat(setUp.key()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(setUp.key().replace(" ", "")).isEqualTo(key);
        assertThat(setUp.uri())
                .isEqualTo("otpauth://totp/AuthForge:ana?secret=" + key
                        + "&issuer=AuthForge&algorithm=SHA1&digits=6&period=30");
        assertThat(setUp.qrCode()).startsWith("data:image/svg+xml");
    }

    /** Six digits that are none of the codes accepted now (the app's previous, current and next). */
    private String wrongCode() {
        List<String> accepted = List.of(
                new AuthenticatorApp(keys.find(USER).orElseThrow(), Clock.offset(clock, Duration.ofSeconds(-30)))
                        .code(),
                app.code(),
                app.nextCode());
        return Stream.of("000000", "111111", "222222", "333333")
                .filter(code -> !accepted.contains(code))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Consumer<ApplicationUser> changeMadeBy(int calls) {
        ArgumentCaptor<Consumer<ApplicationUser>> change = ArgumentCaptor.forClass(Consumer.class);
        verify(userManager, times(calls)).updateSecurity(eq(USER), change.capture());
        return change.getValue();
    }
}
