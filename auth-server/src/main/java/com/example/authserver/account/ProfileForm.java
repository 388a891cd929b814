package com.example.authserver.account;

import com.example.authserver.identity.ApplicationUser;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.util.StringUtils;

/**
 * The {@link ApplicationUser} properties users edit themselves, on the registration form and on the profile page.
 * To make a property of yours editable, add it here (with its validation and in {@link #load} and {@link #applyTo})
 * and to {@code templates/account/profile-fields.html}.
 */
public class ProfileForm {

    // no control characters: PostgreSQL refuses NUL in text, and none belongs in a name anyway
    @Size(max = 100, message = "{account.error.name.size}")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{account.error.name.characters}")
    private String givenName;

    @Size(max = 100, message = "{account.error.name.size}")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{account.error.name.characters}")
    private String familyName;

    public static ProfileForm of(ApplicationUser user) {
        ProfileForm form = new ProfileForm();
        form.load(user);
        return form;
    }

    /** Fills the form with the user's values (the console's form, admin/users/UserForm, adds its own). */
    public void load(ApplicationUser user) {
        setGivenName(user.getGivenName());
        setFamilyName(user.getFamilyName());
    }

    public void applyTo(ApplicationUser user) {
        user.setGivenName(clean(givenName));
        user.setFamilyName(clean(familyName));
    }

    private static String clean(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }
}
