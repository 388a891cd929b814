package com.example.authserver.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Authenticator-app codes (RFC 6238, HMAC-SHA-1, 30-second steps, 6 digits) and the window they are accepted in. */
class TotpTests {

    /** RFC 6238's SHA-1 test key, the ASCII of "12345678901234567890", in Base32. */
    static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    /** 2009-02-13T23:31:30Z, the first second of step 41152263. */
    static final Instant STEP_START = Instant.ofEpochSecond(1234567890);

    static final long STEP = 41152263;

    @Test
    void codesAreThoseOfRfc6238sTestVectorsInSixDigits() {
        assertThat(Totp.code(RFC_KEY, 1)).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, 37037036)).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, 37037037)).isEqualTo("050471");
        assertThat(Totp.code(RFC_KEY, 41152263)).isEqualTo("005924");
        assertThat(Totp.code(RFC_KEY, 66666666)).isEqualTo("279037");
        assertThat(Totp.code(RFC_KEY, 666666666)).isEqualTo("353130");
    }

    @Test
    void aCodeOfTheCurrentStepIsAcceptedAndNamesItsStep() {
        assertThat(Totp.matchingStep(RFC_KEY, "005924", STEP_START)).hasValue(STEP);
        assertThat(Totp.matchingStep(RFC_KEY, "005924", STEP_START.plusSeconds(29)))
                .hasValue(STEP);
    }

    @Test
    void aCodeOfTheStepJustBeforeOrAfterIsAcceptedForClocksALittleOff() {
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, STEP - 1), STEP_START))
                .hasValue(STEP - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, STEP + 1), STEP_START))
                .hasValue(STEP + 1);
    }

    @Test
    void aCodeTwoStepsAwayIsRefused() {
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, STEP - 2), STEP_START))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, STEP + 2), STEP_START))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "005924", STEP_START.plusSeconds(60)))
                .as("the code of step N, two steps later")
                .isEmpty();
    }

    @Test
    void aCodeOfAnotherKeyIsRefused() {
        String otherKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

        assertThat(Totp.matchingStep(otherKey, "005924", STEP_START)).isEmpty();
    }

    @Test
    void onlyExactlySixDigitsAreAccepted() {
        assertThat(Totp.matchingStep(RFC_KEY, null, STEP_START)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "", STEP_START)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "5924", STEP_START)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "0005924", STEP_START)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "005924 ", STEP_START)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "00592a", STEP_START)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "\u0660\u0660\u0665\u0669\u0662\u0664", STEP_START))
                .as("Arabic-Indic digits")
                .isEmpty();
    }

    @Test
    void theUriTellsAuthenticatorAppsTheKeyIssuerAccountAndCodeFormat() {
        assertThat(Totp.uri("Auth Forge", "ana+1@example.com", RFC_KEY))
                .isEqualTo("otpauth://totp/Auth%20Forge:ana%2B1%40example.com?secret=" + RFC_KEY
                        + "&issuer=Auth%20Forge&algorithm=SHA1&digits=6&period=30");
    }
}
