package com.example.authserver.twofactor;

import com.example.authserver.identity.UserToken;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Two-factor credentials brought over from another identity store ({@code imports/}): an authenticator key that
 * the user's app already holds, and recovery codes the user already wrote down. They are stored exactly as the ones
 * this server creates (sealed key, hashed codes), so sign-in treats them alike.
 */
@Component
public class ImportedTwoFactor {

    private final AuthenticatorKeys keys;

    private final RecoveryCodes recoveryCodes;

    ImportedTwoFactor(AuthenticatorKeys keys, RecoveryCodes recoveryCodes) {
        this.keys = keys;
        this.recoveryCodes = recoveryCodes;
    }

    /** The user's authenticator key, in Base32 as the app was given it. */
    public void setAuthenticatorKey(String userId, String base32Key) {
        keys.store(userId, base32Key);
    }

    /** The user's authenticator key here (Base32), if any: an import tells by it whether the key changes. */
    public Optional<String> authenticatorKey(String userId) {
        return keys.find(userId);
    }

    /** The user's unused recovery codes, as the user has them. */
    public void setRecoveryCodes(String userId, List<String> codes) {
        recoveryCodes.store(userId, codes);
    }

    /**
     * True for the token that only guards against a code's replay (the last time step used): each sign-in with the
     * app moves it, so it says nothing about the user having been changed here.
     */
    public static boolean isReplayGuard(UserToken token) {
        return UserToken.SERVER_PROVIDER.equals(token.getLoginProvider())
                && AuthenticatorKeys.LAST_STEP.equals(token.getName());
    }

    /** True if the text can be a recovery code here: one a user can type at the sign-in page. */
    public static boolean isUsableRecoveryCode(String code) {
        return RecoveryCodes.isTypeable(code);
    }
}
