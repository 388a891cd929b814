package com.example.authserver.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-field form of the forgotten-password and resend-confirmation pages. */
public class EmailForm {

    @NotBlank(message = "{account.error.email.required}")
    @Size(max = 256, message = "{account.error.email.invalid}")
    private String email;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
