package com.example.authserver.account.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The registration form's user name, email address and profile fields, checked as RegistrationController does: Bean
 * Validation ({@code @Valid}), then {@link AccountForm#rejectEmailLikeUserName}. Each error as its field and its
 * message key ({@code {key}} from Bean Validation).
 * (The password fields have their own tests: account/PasswordFieldsTests.)
 */
class RegistrationFormTests {

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aCompleteFormHasNoErrors() {
        assertThat(errors(form("ana.lima", "ana@example.com"))).isEmpty();
    }

    @Test
    void aUserNameAndAnEmailAddressAreRequired() {
        assertThat(errors(form(null, null)))
                .containsExactlyInAnyOrder(
                        "userName {account.error.userName.required}", "email {account.error.email.required}");
        assertThat(errors(form("", "")))
                .containsExactlyInAnyOrder(
                        "userName {account.error.userName.required}", "email {account.error.email.required}");
        assertThat(errors(form(" ", "ana@example.com"))).contains("userName {account.error.userName.required}");
    }

    @Test
    void aUserNameHasLettersDigitsAndAFewMarks() {
        assertThat(errors(form("ana_lima-1.x+y", "ana@example.com"))).isEmpty();
        assertThat(errors(form("Jos\u00e9\u674e", "ana@example.com"))).isEmpty();
        for (String userName : new String[] {"ana lima", "ana/lima", "ana<script>", "ana\u0000"}) {
            assertThat(errors(form(userName, "ana@example.com")))
                    .as(userName)
                    .containsExactly("userName {account.error.userName.characters}");
        }
    }

    @Test
    void aUserNameHasAtMost64Characters() {
        assertThat(errors(form("a".repeat(64), "ana@example.com"))).isEmpty();
        assertThat(errors(form("a".repeat(65), "ana@example.com")))
                .containsExactly("userName {account.error.userName.size}");
    }

    @Test
    void theEmailAddressMustBeAValidOne() {
        assertThat(errors(form("ana", "ana"))).containsExactly("email {account.error.email.invalid}");
        assertThat(errors(form("ana", "a".repeat(245) + "@example.com")))
                .contains("email {account.error.email.invalid}");
    }

    @Test
    void aUserNameThatLooksLikeAnotherEmailAddressIsRefused() {
        assertThat(errors(form("boss@example.com", "ana@example.com")))
                .containsExactly("userName account.error.userName.email");
    }

    @Test
    void aUserNameThatIsTheUsersOwnAddressIsAccepted() {
        assertThat(errors(form("Ana@Example.com", "ana@example.com"))).isEmpty();
    }

    @Test
    void aUserNameWithAnErrorAlreadyGetsNoSecondOne() {
        assertThat(errors(form("boss@example.com" + "x".repeat(60), "ana@example.com")))
                .containsExactly("userName {account.error.userName.size}");
    }

    @Test
    void theNewUserHasTheTrimmedNameAddressAndProfile() {
        RegistrationForm form = form("  ana.lima ", " Ana@Example.com ");
        form.setGivenName(" Ana ");
        form.setFamilyName("");

        ApplicationUser user = form.newUser();

        assertThat(user.getUserName()).isEqualTo("ana.lima");
        assertThat(user.getEmail()).isEqualTo("Ana@Example.com");
        assertThat(user.getNormalizedEmail()).isEqualTo("ANA@EXAMPLE.COM");
        assertThat(user.getGivenName()).isEqualTo("Ana");
        assertThat(user.getFamilyName()).isNull();
    }

    @Test
    void theProfileFieldsAreCheckedToo() {
        RegistrationForm form = form("ana", "ana@example.com");
        form.setGivenName("x".repeat(101));

        assertThat(errors(form)).containsExactly("givenName {account.error.name.size}");
    }

    private static RegistrationForm form(String userName, String email) {
        RegistrationForm form = new RegistrationForm();
        form.setUserName(userName);
        form.setEmail(email);
        form.setPassword("Correct-horse-9");
        form.setConfirmPassword("Correct-horse-9");
        return form;
    }

    private static List<String> errors(RegistrationForm form) {
        Errors errors = new BeanPropertyBindingResult(form, "registration");
        new SpringValidatorAdapter(VALIDATION.getValidator()).validate(form, errors);
        form.rejectEmailLikeUserName(errors);
        return errors.getFieldErrors().stream()
                .map(error -> error.getField() + " "
                        + (error.getDefaultMessage() != null ? error.getDefaultMessage() : error.getCode()))
                .distinct()
                .toList();
    }
}
