package com.example.authserver.account.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The email page's form: unlike the look-up forms, the new address must be a valid one. */
class NewEmailFormTests {

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aValidAddressIsAccepted() {
        assertThat(problems("ana.lima+news@example.com")).isEmpty();
    }

    @Test
    void somethingThatIsNotAnAddressIsRefused() {
        assertThat(problems("ana")).containsExactly("email {account.error.email.invalid}");
        assertThat(problems("ana@@example.com")).containsExactly("email {account.error.email.invalid}");
        assertThat(problems("ana lima@example.com")).containsExactly("email {account.error.email.invalid}");
    }

    @Test
    void theRulesOfTheLookUpFormStillApply() {
        assertThat(problems("")).containsExactly("email {account.error.email.required}");
        assertThat(problems("a".repeat(250) + "@example.com")).contains("email {account.error.email.invalid}");
    }

    private static List<String> problems(String email) {
        NewEmailForm form = new NewEmailForm();
        form.setEmail(email);
        return VALIDATION.getValidator().validate(form).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessageTemplate())
                .distinct()
                .toList();
    }
}
