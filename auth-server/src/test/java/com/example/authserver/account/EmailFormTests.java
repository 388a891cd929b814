package com.example.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The one-field form of the forgotten-password and resend-confirmation pages, through Bean Validation as the
 * controllers' {@code @Valid} applies it: each broken rule as {@code field message-key}.
 */
class EmailFormTests {

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    final Validator validator = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void anAddressIsRequired() {
        assertThat(problems(null)).containsExactly("email {account.error.email.required}");
        assertThat(problems("")).containsExactly("email {account.error.email.required}");
        assertThat(problems("   ")).containsExactly("email {account.error.email.required}");
    }

    @Test
    void anAddressOfAtMost256CharactersIsAccepted() {
        String longest = "a".repeat(244) + "@example.com";

        assertThat(longest).hasSize(256);
        assertThat(problems(longest)).isEmpty();
        assertThat(problems("a" + longest)).containsExactly("email {account.error.email.invalid}");
    }

    @Test
    void whatIsTypedNeedNotBeAValidAddressToBeLookedUp() {
        assertThat(problems("ana")).isEmpty();
        assertThat(problems("ana@example.com")).isEmpty();
    }

    private List<String> problems(String email) {
        EmailForm form = new EmailForm();
        form.setEmail(email);
        return validator.validate(form).stream().map(EmailFormTests::describe).toList();
    }

    static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " " + violation.getMessageTemplate();
    }
}
