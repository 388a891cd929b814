package com.example.authserver.twofactor;

import com.example.authserver.identity.UserToken;
import com.example.authserver.identity.UserTokenRepository;
import com.example.authserver.keys.SecretCipher;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authenticator-app key of each user: 160 random bits (RFC 4226's recommendation), shown to the user in
 * Base32, stored in {@code user_tokens} ({@code [AuthForge]/AuthenticatorKey}) sealed with the key-encryption
 * key ({@link SecretCipher}, bound to the user id), never in clear. A second row, written with the key, keeps the last time
 * step a code was accepted for, so a code works once.
 */
@Component
class AuthenticatorKeys {

    static final String KEY = "AuthenticatorKey";

    static final String LAST_STEP = "AuthenticatorLastStep";

    private static final String NO_STEP = "-1";

    private static final int KEY_BYTES = 20;

    private final UserTokenRepository tokens;

    private final SecretCipher cipher;

    private final SecureRandom random = new SecureRandom();

    AuthenticatorKeys(UserTokenRepository tokens, SecretCipher cipher) {
        this.tokens = tokens;
        this.cipher = cipher;
    }

    /** The user's key in Base32 (without padding), if they have one. */
    @Transactional(readOnly = true)
    Optional<String> find(String userId) {
        return tokens.findById(new UserToken.Key(userId, UserToken.SERVER_PROVIDER, KEY))
                .map(row -> cipher.openText(owner(userId), row.getValue()));
    }

    /** The user's key, created now if they have none. */
    @Transactional
    String findOrCreate(String userId) {
        return find(userId).orElseGet(() -> replace(userId));
    }

    /** A new key for the user: codes of the old one stop working. */
    @Transactional
    String replace(String userId) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = new Base32().encodeAsString(bytes).replace("=", "");
        store(userId, key);
        return key;
    }

    /** Stores the key (Base32) sealed, with no time step used yet: a new key, or one brought over (ImportedTwoFactor). */
    @Transactional
    void store(String userId, String key) {
        tokens.save(new UserToken(userId, UserToken.SERVER_PROVIDER, KEY, cipher.sealText(owner(userId), key)));
        tokens.save(new UserToken(userId, UserToken.SERVER_PROVIDER, LAST_STEP, NO_STEP));
    }

    /** Removes the user's key: no code works until a new one is set up. */
    @Transactional
    void remove(String userId) {
        tokens.deleteAllById(List.of(
                new UserToken.Key(userId, UserToken.SERVER_PROVIDER, KEY),
                new UserToken.Key(userId, UserToken.SERVER_PROVIDER, LAST_STEP)));
    }

    /**
     * Records that a code of {@code step} was accepted; false if a code of that step or a later one was accepted
     * before (a replayed code), also when two requests race with the same code.
     */
    @Transactional
    boolean useStep(String userId, long step) {
        Optional<UserToken> last = tokens.findById(new UserToken.Key(userId, UserToken.SERVER_PROVIDER, LAST_STEP));
        if (last.isEmpty()) {
            return false;
        }
        String lastValue = last.get().getValue();
        OptionalLong used = parse(lastValue);
        return (used.isEmpty() || used.getAsLong() < step)
                && tokens.replaceIfUnchanged(
                                userId, UserToken.SERVER_PROVIDER, LAST_STEP, lastValue, Long.toString(step))
                        == 1;
    }

    private static OptionalLong parse(String value) {
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    private static String owner(String userId) {
        return "authenticator key of user " + userId;
    }
}
