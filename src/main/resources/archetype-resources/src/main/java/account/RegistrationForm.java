package ${package}.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form: the account fields, and the profile fields of {@link ProfileForm}. Messages are keys of
 * messages.properties; the password rules are checked by {@link PasswordFields}.
 */
class RegistrationForm extends ProfileForm {

    @NotBlank(message = "{account.error.userName.required}")
    @Size(max = 64, message = "{account.error.userName.size}")
    @Pattern(regexp = "[\\p{L}\\p{N}._@+-]*", message = "{account.error.userName.characters}")
    private String userName;

    @NotBlank(message = "{account.error.email.required}")
    @Email(message = "{account.error.email.invalid}")
    @Size(max = 256, message = "{account.error.email.invalid}")
    private String email;

    private String password;

    private String confirmPassword;

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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
