package com.example.authserver.device;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * User codes a person reads off a device and types on a phone: 8 letters from an alphabet without vowels (no words)
 * and without look-alikes (no 0/O, 1/I), shown as {@code XXXX-XXXX} (RFC 8628, section 6.1). 20^8 codes (about 2^35):
 * guessing one is held off by the short lifetime and the rate limits of {@code /activate}, and the store keeps only an
 * HMAC of each ({@code authorization/TokenDigests}).
 */
final class UserCodes implements OAuth2TokenGenerator<OAuth2UserCode> {

    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    static final int LENGTH = 8;

    /** Longer input is not looked at: no code, however spaced, is that long. */
    private static final int MAX_INPUT = 64;

    private final SecureRandom random = new SecureRandom();

    @Override
    public OAuth2UserCode generate(OAuth2TokenContext context) {
        if (context.getTokenType() == null
                || !OAuth2ParameterNames.USER_CODE.equals(context.getTokenType().getValue())) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant issuedAt = Instant.now();
        Instant expiresAt =
                issuedAt.plus(context.getRegisteredClient().getTokenSettings().getDeviceCodeTimeToLive());
        return new OAuth2UserCode(format(code.toString()), issuedAt, expiresAt);
    }

    /**
     * The code as stored ({@code XXXX-XXXX}) from what a person typed: any case, with or without spaces and dashes;
     * null if it cannot be a code at all.
     */
    static String normalize(String typed) {
        if (typed == null || typed.length() > MAX_INPUT) {
            return null;
        }
        String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        if (letters.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(letters.charAt(i)) < 0) {
                return null;
            }
        }
        return format(letters);
    }

    private static String format(String letters) {
        return letters.substring(0, LENGTH / 2) + "-" + letters.substring(LENGTH / 2);
    }
}
