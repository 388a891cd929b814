package com.example.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.authserver.identity.IdentityProperties;
import com.example.authserver.identity.PasswordPolicy;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * A new password and its confirmation on a form: each rule the policy says is broken becomes an error on the password
 * field, with the lengths for its message. The policy itself is mocked here (identity/PasswordPolicyTests has its
 * rules).
 */
class PasswordFieldsTests {

    final PasswordPolicy policy = mock(PasswordPolicy.class);

    final IdentityProperties identity = new IdentityProperties();

    final PasswordFields fields = new PasswordFields(policy, identity);

    @BeforeEach
    void setUp() {
        identity.getPassword().setMinLength(10);
        identity.getPassword().setMaxLength(64);
        when(policy.problems(anyString())).thenReturn(List.of());
    }

    @Test
    void aGoodPasswordTypedTwiceHasNoErrors() {
        assertThat(check("Correct-horse-9", "Correct-horse-9").hasErrors()).isFalse();
    }

    @Test
    void anEmptyPasswordIsRequiredAndNothingElseIsSaid() {
        for (String empty : new String[] {null, ""}) {
            Errors errors = check(empty, "something else");

            assertThat(errors.getFieldErrors())
                    .extracting(FieldError::getField, FieldError::getCode)
                    .containsExactly(tuple("password", "account.error.password.required"));
        }
    }

    @Test
    void everyBrokenRuleIsAnErrorOnThePasswordWithTheLengthsForItsMessage() {
        when(policy.problems("password")).thenReturn(List.of(PasswordPolicy.TOO_SHORT, PasswordPolicy.TOO_COMMON));

        Errors errors = check("password", "password");

        assertThat(errors.getFieldErrors("password"))
                .extracting(FieldError::getCode)
                .containsExactly("account.password.PasswordTooShort", "account.password.PasswordTooCommon");
        assertThat(errors.getFieldErrors("password"))
                .allSatisfy(error -> assertThat(error.getArguments()).containsExactly(10, 64));
        assertThat(errors.getFieldErrors("confirmPassword")).isEmpty();
    }

    @Test
    void aDifferentConfirmationIsAnErrorOnTheConfirmation() {
        Errors errors = check("Correct-horse-9", "Correct-horse-8");

        assertThat(errors.getFieldErrors())
                .extracting(FieldError::getField, FieldError::getCode)
                .containsExactly(tuple("confirmPassword", "account.error.password.mismatch"));
        assertThat(check("Correct-horse-9", null).getFieldErrors("confirmPassword"))
                .hasSize(1);
    }

    @Test
    void aBrokenRuleAndADifferentConfirmationAreBothReported() {
        when(policy.problems("short")).thenReturn(List.of(PasswordPolicy.TOO_SHORT));

        Errors errors = check("short", "shorter");

        assertThat(errors.getFieldErrors())
                .extracting(FieldError::getCode)
                .containsExactly("account.password.PasswordTooShort", "account.error.password.mismatch");
    }

    @Test
    void aConfirmationDifferingOnlyInCaseIsADifferentPassword() {
        assertThat(check("Correct-horse-9", "correct-horse-9").getFieldErrors("confirmPassword"))
                .hasSize(1);
    }

    private Errors check(String password, String confirmation) {
        NewPasswordForm form = new NewPasswordForm();
        form.setPassword(password);
        form.setConfirmPassword(confirmation);
        Errors errors = new BeanPropertyBindingResult(form, "form");
        fields.check(password, confirmation, errors);
        return errors;
    }
}
