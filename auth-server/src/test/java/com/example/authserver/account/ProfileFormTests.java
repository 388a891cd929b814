package com.example.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The profile fields users edit themselves (registration and the profile page): their rules, and what is stored. */
class ProfileFormTests {

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void namesAreOptional() {
        assertThat(problems(null, null)).isEmpty();
        assertThat(problems("", "")).isEmpty();
    }

    @Test
    void namesInAnyScriptAreAccepted() {
        assertThat(problems("Zo\u00eb Jos\u00e9", "O'Brien-M\u00fcller")).isEmpty();
        assertThat(problems("\u674e", "\u0623\u062d\u0645\u062f")).isEmpty();
    }

    @Test
    void aNameHasAtMost100Characters() {
        assertThat(problems("a".repeat(100), "b".repeat(100))).isEmpty();
        assertThat(problems("a".repeat(101), "b".repeat(101)))
                .containsExactlyInAnyOrder(
                        "givenName {account.error.name.size}", "familyName {account.error.name.size}");
    }

    @Test
    void aNameCannotHoldControlCharacters() {
        assertThat(problems("Ana\u0000", null)).containsExactly("givenName {account.error.name.characters}");
        assertThat(problems(null, "Lima\nSilva")).containsExactly("familyName {account.error.name.characters}");
        assertThat(problems("Ana\tMaria", null)).containsExactly("givenName {account.error.name.characters}");
    }

    @Test
    void storedNamesAreTrimmedAndBlankOnesRemoved() {
        ApplicationUser user = new ApplicationUser();
        user.setFamilyName("Old");
        ProfileForm form = new ProfileForm();
        form.setGivenName("  Ana  ");
        form.setFamilyName("   ");

        form.applyTo(user);

        assertThat(user.getGivenName()).isEqualTo("Ana");
        assertThat(user.getFamilyName()).isNull();
    }

    @Test
    void theFormStartsWithTheUsersNames() {
        ApplicationUser user = new ApplicationUser();
        user.setGivenName("Ana");
        user.setFamilyName("Lima");

        ProfileForm form = ProfileForm.of(user);

        assertThat(form.getGivenName()).isEqualTo("Ana");
        assertThat(form.getFamilyName()).isEqualTo("Lima");
    }

    private static List<String> problems(String givenName, String familyName) {
        ProfileForm form = new ProfileForm();
        form.setGivenName(givenName);
        form.setFamilyName(familyName);
        return VALIDATION.getValidator().validate(form).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessageTemplate())
                .toList();
    }
}
