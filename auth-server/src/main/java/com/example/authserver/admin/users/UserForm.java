package com.example.authserver.admin.users;

import com.example.authserver.account.ProfileForm;
import com.example.authserver.identity.ApplicationUser;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.util.StringUtils;

/**
 * A user as an administrator edits them: the profile users edit themselves ({@link ProfileForm}, with its fields
 * template, so a property added there appears here too), and what only an administrator changes directly. It carries
 * the concurrency stamp it was read at: a save over someone else's change is refused (optimistic lock).
 */
public class UserForm extends ProfileForm {

    @NotBlank(message = "{admin.users.error.userName.required}")
    @Size(max = 256, message = "{admin.users.error.size}")
    @Pattern(regexp = "[^\\p{Cntrl}\\s]*", message = "{admin.users.error.userName.characters}")
    private String userName;

    @Size(max = 256, message = "{admin.users.error.size}")
    @Email(message = "{admin.users.error.email}")
    private String email;

    private boolean emailConfirmed;

    @Size(max = 64, message = "{admin.users.error.size}")
    @Pattern(regexp = "[+0-9 ()./-]*", message = "{admin.users.error.phoneNumber}")
    private String phoneNumber;

    private boolean phoneNumberConfirmed;

    private long concurrencyStamp;

    static UserForm forUser(ApplicationUser user) {
        UserForm form = new UserForm();
        form.load(user);
        return form;
    }

    @Override
    public void load(ApplicationUser user) {
        super.load(user);
        setUserName(user.getUserName());
        setEmail(user.getEmail());
        setEmailConfirmed(user.isEmailConfirmed());
        setPhoneNumber(user.getPhoneNumber());
        setPhoneNumberConfirmed(user.isPhoneNumberConfirmed());
        setConcurrencyStamp(user.getConcurrencyStamp());
    }

    @Override
    public void applyTo(ApplicationUser user) {
        super.applyTo(user);
        user.setUserName(userName);
        String address = StringUtils.hasText(email) ? email.strip() : null;
        user.setEmail(address);
        user.setEmailConfirmed(address != null && emailConfirmed);
        String phone = StringUtils.hasText(phoneNumber) ? phoneNumber.strip() : null;
        user.setPhoneNumber(phone);
        user.setPhoneNumberConfirmed(phone != null && phoneNumberConfirmed);
    }

    public String getUserName() {
        return userName;
    }

    /** Stripped: spaces around a name are a slip of the keyboard, not part of it. */
    public void setUserName(String userName) {
        this.userName = userName == null ? null : userName.strip();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmed;
    }

    public void setEmailConfirmed(boolean emailConfirmed) {
        this.emailConfirmed = emailConfirmed;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public boolean isPhoneNumberConfirmed() {
        return phoneNumberConfirmed;
    }

    public void setPhoneNumberConfirmed(boolean phoneNumberConfirmed) {
        this.phoneNumberConfirmed = phoneNumberConfirmed;
    }

    public long getConcurrencyStamp() {
        return concurrencyStamp;
    }

    public void setConcurrencyStamp(long concurrencyStamp) {
        this.concurrencyStamp = concurrencyStamp;
    }
}
