package com.example.authserver.account.email;

import com.example.authserver.account.EmailForm;
import jakarta.validation.constraints.Email;

/** The email page's form: unlike the look-up forms, a new address must be a valid one. */
class NewEmailForm extends EmailForm {

    @Override
    @Email(message = "{account.error.email.invalid}")
    public String getEmail() {
        return super.getEmail();
    }
}
