package com.example.authserver.twofactor;

import com.example.authserver.identity.Sha256;
import com.example.authserver.identity.UserToken;
import com.example.authserver.identity.UserTokenRepository;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use recovery codes per user, for signing in without the authenticator app. They are shown once;
 * {@code user_tokens} ({@code [AuthForge]/RecoveryCodes}) keeps only their SHA-256 hashes, separated by
 * {@code ;}. A code is 10 characters (50 random bits) from an alphabet without look-alike characters, written
 * {@code xxxxx-xxxxx}; case, spaces and the hyphen do not matter when it is typed.
 */
@Component
class RecoveryCodes {

    static final String NAME = "RecoveryCodes";

    static final int COUNT = 10;

    private static final String ALPHABET = "23456789bcdfghjkmnpqrstvwxyz";

    private static final int LENGTH = 10;

    /** The fewest characters a code brought over may have (see isTypeable). */
    private static final int MIN_TYPED = 8;

    private final UserTokenRepository tokens;

    private final SecureRandom random = new SecureRandom();

    RecoveryCodes(UserTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** Removes the user's codes. */
    @Transactional
    void remove(String userId) {
        tokens.deleteById(new UserToken.Key(userId, UserToken.SERVER_PROVIDER, NAME));
    }

    /** New codes for the user; the previous ones stop working. */
    @Transactional
    List<String> regenerate(String userId) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            code.insert(LENGTH / 2, '-');
            codes.add(code.toString());
        }
        store(userId, codes);
        return codes;
    }

    /** Keeps the hashes of these codes as the user's codes: new ones, or ones brought over (ImportedTwoFactor). */
    @Transactional
    void store(String userId, List<String> codes) {
        List<String> hashes = codes.stream().map(RecoveryCodes::hash).toList();
        tokens.save(new UserToken(userId, UserToken.SERVER_PROVIDER, NAME, String.join(";", hashes)));
    }

    @Transactional(readOnly = true)
    int remaining(String userId) {
        return hashes(userId).map(List::size).orElse(0);
    }

    /** Uses up the code if it is one of the user's; of two concurrent uses of one code, only one succeeds. */
    @Transactional
    boolean redeem(String userId, String typed) {
        Optional<UserToken> row = tokens.findById(new UserToken.Key(userId, UserToken.SERVER_PROVIDER, NAME));
        if (row.isEmpty() || typed == null || typed.length() > 4 * LENGTH) {
            return false;
        }
        List<String> hashes = new ArrayList<>(split(row.get().getValue()));
        if (!hashes.remove(hash(typed))) {
            return false;
        }
        return tokens.replaceIfUnchanged(
                        userId, UserToken.SERVER_PROVIDER, NAME, row.get().getValue(), String.join(";", hashes))
                == 1;
    }

    /**
     * True if a user can redeem this code and it is not trivially guessed: at least {@link #MIN_TYPED} characters
     * after normalization (.NET writes 8 hex characters, or 10 and more; this server 10), not longer than redeem
     * takes.
     */
    static boolean isTypeable(String code) {
        return code != null
                && code.length() <= 4 * LENGTH
                && code.replaceAll("[\\s-]", "").length() >= MIN_TYPED;
    }

    private Optional<List<String>> hashes(String userId) {
        return tokens.findById(new UserToken.Key(userId, UserToken.SERVER_PROVIDER, NAME))
                .map(row -> split(row.getValue()));
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(";"));
    }

    private static String hash(String code) {
        return Sha256.base64Url(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }
}
