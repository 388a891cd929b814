package com.example.authserver.account.registration;

import com.example.authserver.account.ProfileForm;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/**
 * A new account's user name and email address, with the rules of registration, and its profile fields
 * ({@link ProfileForm}): the registration form and the create-account form of a first external login.
 */
public class AccountForm extends ProfileForm {

    @NotBlank(message = "{account.error.userName.required}")
    @Size(max = 64, message = "{account.error.userName.size}")
    @Pattern(regexp = "[\\p{L}\\p{N}._@+-]*", message = "{account.error.userName.characters}")
    private String userName;

    @NotBlank(message = "{account.error.email.required}")
    @Email(message = "{account.error.email.invalid}")
    @Size(max = 256, message = "{account.error.email.invalid}")
    private String email;

    /** A new user with this form's user name, email address and profile fields. */
    public ApplicationUser newUser() {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(userName.strip());
        user.setEmail(email.strip());
        applyTo(user);
        return user;
    }

    /**
     * Rejects a user name that looks like an email address other than the form's own: it could pass for the address
     * of someone else's account (identity/UserManager#isAllowedUserName).
     */
    public void rejectEmailLikeUserName(Errors errors) {
        if (!errors.hasFieldErrors("userName")
                && userName != null
                && email != null
                && !UserManager.isAllowedUserName(userName.strip(), email.strip())) {
            errors.rejectValue("userName", "account.error.userName.email");
        }
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
