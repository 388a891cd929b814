package com.example.authserver.twofactor;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with an authenticator app, as ASP.NET Core Identity does it: the user scans a key, proves it
 * with a code, and from then on signs in with password and code (or a recovery code). Every change of these
 * settings renews the user's security stamp ({@link UserManager#updateSecurity}).
 */
@Service
public class TwoFactor {

    /** What the set-up page shows: the key as text (in groups of four), the URI and its QR code. */
    record SetUp(String key, String uri, String qrCode) {}

    /** The sign-in factor a code from the authenticator app (or a recovery code) adds. */
    public static final String FACTOR = "FACTOR_TOTP";

    public enum Outcome {
        SUCCEEDED,
        FAILED,
        LOCKED_OUT
    }

    private final AuthenticatorKeys keys;

    private final RecoveryCodes recoveryCodes;

    private final UserManager userManager;

    private final TwoFactorProperties properties;

    private final Clock clock;

    TwoFactor(
            AuthenticatorKeys keys,
            RecoveryCodes recoveryCodes,
            UserManager userManager,
            TwoFactorProperties properties,
            Clock clock) {
        this.keys = keys;
        this.recoveryCodes = recoveryCodes;
        this.userManager = userManager;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    SetUp setUp(ApplicationUser user) {
        String key = keys.findOrCreate(user.getId());
        String uri = Totp.uri(properties.getAuthenticatorIssuer(), user.getUserName(), key);
        return new SetUp(key.replaceAll("(.{4})(?!$)", "$1 "), uri, QrCodes.svgDataUri(uri));
    }

    /**
     * Turns two-factor sign-in on once the user proved the key with a code; empty if the code is wrong. Holds the
     * new recovery codes when the user had none left.
     */
    @Transactional
    Optional<List<String>> enable(String userId, String code) {
        if (!codeMatches(userId, code)) {
            return Optional.empty();
        }
        userManager.updateSecurity(userId, user -> user.setTwoFactorEnabled(true));
        return Optional.of(recoveryCodes.remaining(userId) == 0 ? recoveryCodes.regenerate(userId) : List.of());
    }

    @Transactional
    void disable(String userId) {
        userManager.updateSecurity(userId, user -> user.setTwoFactorEnabled(false));
    }

    /** A new key: the app must be set up again, and two-factor sign-in is off until it is. */
    @Transactional
    void resetAuthenticator(String userId) {
        keys.replace(userId);
        userManager.updateSecurity(userId, user -> user.setTwoFactorEnabled(false));
    }

    /**
     * Removes the authenticator key and the recovery codes, and turns two-factor sign-in off: for credentials set up
     * while the user's email address was unproven (account/UnprovenCredentials). The caller renews the stamp.
     */
    @Transactional
    public void removeAll(String userId) {
        keys.remove(userId);
        recoveryCodes.remove(userId);
        userManager
                .findById(userId)
                .filter(ApplicationUser::isTwoFactorEnabled)
                .ifPresent(user -> userManager.updateSecurity(userId, current -> current.setTwoFactorEnabled(false)));
    }

    @Transactional
    List<String> regenerateRecoveryCodes(String userId) {
        userManager.updateSecurity(userId, user -> {});
        return recoveryCodes.regenerate(userId);
    }

    @Transactional(readOnly = true)
    int recoveryCodesLeft(String userId) {
        return recoveryCodes.remaining(userId);
    }

    /**
     * The second step of a sign-in: an authenticator code, or a recovery code (used up). A wrong one counts towards
     * lockout like a wrong password.
     */
    @Transactional
    public Outcome verify(String userId, String code) {
        String typed = code == null ? "" : code.strip();
        if (codeMatches(userId, typed.replace(" ", "")) || recoveryCodes.redeem(userId, typed)) {
            userManager.resetAccessFailedCount(userId);
            return Outcome.SUCCEEDED;
        }
        return userManager.accessFailed(userId) ? Outcome.LOCKED_OUT : Outcome.FAILED;
    }

    private boolean codeMatches(String userId, String code) {
        Optional<String> key = keys.find(userId);
        if (key.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(key.get(), code == null ? null : code.strip(), clock.instant());
        return step.isPresent() && keys.useStep(userId, step.getAsLong());
    }
}
