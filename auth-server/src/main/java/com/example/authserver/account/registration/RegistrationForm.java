package com.example.authserver.account.registration;

import com.example.authserver.account.PasswordFields;

/**
 * The registration form: the fields of {@link AccountForm} and the password. Messages are keys of
 * messages.properties; the password rules are checked by {@link PasswordFields}.
 */
class RegistrationForm extends AccountForm {

    private String password;

    private String confirmPassword;

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
