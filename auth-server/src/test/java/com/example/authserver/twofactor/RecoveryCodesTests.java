package com.example.authserver.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.Sha256;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Recovery codes without a database: their form, that only their hashes are kept, and that each works once. */
class RecoveryCodesTests {

    final InMemoryUserTokens tokens = new InMemoryUserTokens();

    final RecoveryCodes recoveryCodes = new RecoveryCodes(tokens.repository);

    @Test
    void tenDifferentCodesOfTwoGroupsOfFiveWithoutLookAlikeCharacters() {
        List<String> codes = recoveryCodes.regenerate("user-1");

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(codes)
                .allSatisfy(code -> assertThat(code)
                        .matches("[23456789bcdfghjkmnpqrstvwxyz]{5}-[23456789bcdfghjkmnpqrstvwxyz]{5}"));
        assertThat(recoveryCodes.remaining("user-1")).isEqualTo(10);
    }

    @Test
    void onlyTheSha256OfEachCodeIsStored() {
        List<String> codes = recoveryCodes.regenerate("user-1");

        String stored = tokens.value("user-1", RecoveryCodes.NAME);
        assertThat(stored.split(";"))
                .containsExactlyElementsOf(codes.stream()
                        .map(code -> Sha256.base64Url(code.replace("-", "")))
                        .toList());
        for (String code : codes) {
            assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        String code = recoveryCodes.regenerate("user-1").get(3);

        assertThat(recoveryCodes.redeem("user-1", code)).isTrue();
        assertThat(recoveryCodes.redeem("user-1", code)).isFalse();
        assertThat(recoveryCodes.remaining("user-1")).isEqualTo(9);
        assertThat(tokens.value("user-1", RecoveryCodes.NAME)).doesNotContain(Sha256.base64Url(code.replace("-", "")));
    }

    @Test
    void theOtherCodesStillWorkAfterOneIsUsed() {
        List<String> codes = recoveryCodes.regenerate("user-1");
        recoveryCodes.redeem("user-1", codes.get(0));

        for (String code : codes.subList(1, codes.size())) {
            assertThat(recoveryCodes.redeem("user-1", code)).as(code).isTrue();
        }
        assertThat(recoveryCodes.remaining("user-1")).isZero();
    }

    @Test
    void caseSpacesAndTheHyphenDoNotMatterWhenACodeIsTyped() {
        List<String> codes = recoveryCodes.regenerate("user-1");

        assertThat(recoveryCodes.redeem("user-1", codes.get(0).toUpperCase(Locale.ROOT)))
                .isTrue();
        assertThat(recoveryCodes.redeem("user-1", codes.get(1).replace("-", " ")))
                .isTrue();
        assertThat(recoveryCodes.redeem("user-1", codes.get(2).replace("-", "")))
                .isTrue();
    }

    @Test
    void aWrongCodeIsRefusedAndUsesNothingUp() {
        recoveryCodes.regenerate("user-1");

        assertThat(recoveryCodes.redeem("user-1", "bbbbb-bbbbb")).isFalse();
        assertThat(recoveryCodes.redeem("user-1", "")).isFalse();
        assertThat(recoveryCodes.redeem("user-1", null)).isFalse();
        assertThat(recoveryCodes.remaining("user-1")).isEqualTo(10);
    }

    @Test
    void aCodeOfAnotherUserIsRefused() {
        String code = recoveryCodes.regenerate("user-1").get(0);
        recoveryCodes.regenerate("user-2");

        assertThat(recoveryCodes.redeem("user-2", code)).isFalse();
        assertThat(recoveryCodes.redeem("user-1", code)).isTrue();
    }

    @Test
    void newCodesEndTheOldOnes() {
        String old = recoveryCodes.regenerate("user-1").get(0);

        List<String> current = recoveryCodes.regenerate("user-1");

        assertThat(recoveryCodes.redeem("user-1", old)).isFalse();
        assertThat(recoveryCodes.redeem("user-1", current.get(0))).isTrue();
    }

    @Test
    void removedCodesAreGone() {
        String code = recoveryCodes.regenerate("user-1").get(0);

        recoveryCodes.remove("user-1");

        assertThat(recoveryCodes.remaining("user-1")).isZero();
        assertThat(recoveryCodes.redeem("user-1", code)).isFalse();
    }

    @Test
    void aCodeShorterThanEightCharactersOnceNormalizedIsNotTypeable() {
        assertThat(RecoveryCodes.isTypeable("1")).isFalse();
        assertThat(RecoveryCodes.isTypeable("abc-d e-fg"))
                .as("7 once normalized")
                .isFalse();
        assertThat(RecoveryCodes.isTypeable("a1b2c3d4"))
                .as(".NET 8 hex characters")
                .isTrue();
        assertThat(RecoveryCodes.isTypeable("K4M2P-7QX9Z")).isTrue();
        assertThat(RecoveryCodes.isTypeable("-".repeat(12))).isFalse();
    }

    @Test
    void typingOfMoreThanFortyCharactersIsRefusedEvenIfItReducesToACode() {
        List<String> codes = recoveryCodes.regenerate("user-1");

        assertThat(recoveryCodes.redeem("user-1", codes.get(0) + " ".repeat(30)))
                .isFalse();
        assertThat(recoveryCodes.redeem("user-1", codes.get(0) + " ".repeat(29)))
                .isTrue();
    }

    @Test
    void ofTwoConcurrentUsesOfOneCodeOnlyOneSucceeds() {
        String code = recoveryCodes.regenerate("user-1").get(0);
        tokens.afterNextRead(() -> recoveryCodes.redeem("user-1", code));

        assertThat(recoveryCodes.redeem("user-1", code)).isFalse();
        assertThat(recoveryCodes.remaining("user-1")).isEqualTo(9);
    }
}
