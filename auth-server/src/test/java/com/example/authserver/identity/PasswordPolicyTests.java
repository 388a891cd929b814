package com.example.authserver.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The password rules of authforge.identity.password, without a server. */
class PasswordPolicyTests {

    final IdentityProperties properties = new IdentityProperties();

    final PasswordPolicy policy = new PasswordPolicy(properties);

    @Test
    void byDefaultOnlyLengthAndCommonPasswordsCount() {
        assertThat(policy.problems("Correct-Horse-9")).isEmpty();
        assertThat(policy.problems("lowercaseonly")).isEmpty();
        assertThat(policy.problems("Pass123$"))
                .as("the development users' password")
                .isEmpty();
        assertThat(policy.problems("short")).containsExactly(PasswordPolicy.TOO_SHORT);
        assertThat(policy.problems("x".repeat(129))).containsExactly(PasswordPolicy.TOO_LONG);
        assertThat(policy.problems(null)).containsExactly(PasswordPolicy.TOO_SHORT);
    }

    @Test
    void commonPasswordsAreRefusedIgnoringCase() {
        assertThat(policy.problems("password")).containsExactly(PasswordPolicy.TOO_COMMON);
        assertThat(policy.problems("PassWord123")).containsExactly(PasswordPolicy.TOO_COMMON);
        assertThat(policy.problems("iloveyou1")).containsExactly(PasswordPolicy.TOO_COMMON);
        assertThat(policy.problems("12345")).containsExactly(PasswordPolicy.TOO_SHORT, PasswordPolicy.TOO_COMMON);

        properties.getPassword().setRejectCommon(false);
        assertThat(policy.problems("password")).isEmpty();
    }

    @Test
    void characterClassesAreRequiredWhenConfigured() {
        IdentityProperties.Password rules = properties.getPassword();
        rules.setRequireDigit(true);
        rules.setRequireLowercase(true);
        rules.setRequireUppercase(true);
        rules.setRequireNonAlphanumeric(true);

        assertThat(policy.problems("zebrafishes"))
                .containsExactly(
                        PasswordPolicy.REQUIRES_DIGIT,
                        PasswordPolicy.REQUIRES_UPPER,
                        PasswordPolicy.REQUIRES_NON_ALPHANUMERIC);
        assertThat(policy.problems("ABCDEFGH1!")).containsExactly(PasswordPolicy.REQUIRES_LOWER);
        assertThat(policy.problems("Gr\u00fcn-Wald-7")).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotBytesOrUtf16Units() {
        properties.getPassword().setMinLength(4);

        assertThat(policy.problems("\ud83d\udd12\ud83d\udd12\ud83d\udd12\ud83d\udd12"))
                .isEmpty();
        assertThat(policy.problems("\ud83d\udd12\ud83d\udd12\ud83d\udd12")).containsExactly(PasswordPolicy.TOO_SHORT);
    }

    @Test
    void requireValidFailsWithTheFirstBrokenRule() {
        assertThatThrownBy(() -> policy.requireValid("1234567"))
                .isInstanceOfSatisfying(
                        IdentityException.class, ex -> assertThat(ex.getCode()).isEqualTo(PasswordPolicy.TOO_SHORT));
        assertThatThrownBy(() -> policy.requireValid("password1"))
                .isInstanceOfSatisfying(
                        IdentityException.class, ex -> assertThat(ex.getCode()).isEqualTo(PasswordPolicy.TOO_COMMON));
    }
}
