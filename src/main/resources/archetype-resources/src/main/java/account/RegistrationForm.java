package ${package}.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration form. Messages are keys of messages.properties; the password rules are checked by {@link PasswordFields}. */
class RegistrationForm {

    @NotBlank(message = "{account.error.userName.required}")
    @Size(max = 64, message = "{account.error.userName.size}")
    @Pattern(regexp = "[\\p{L}\\p{N}._@+-]*", message = "{account.error.userName.characters}")
    private String userName;

    @NotBlank(message = "{account.error.email.required}")
    @Email(message = "{account.error.email.invalid}")
    @Size(max = 256, message = "{account.error.email.invalid}")
    private String email;

    @Size(max = 100, message = "{account.error.name.size}")
    private String givenName;

    @Size(max = 100, message = "{account.error.name.size}")
    private String familyName;

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
