package com.example.authserver.account;

import com.example.authserver.identity.IdentityProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the pages which account features are switched on (the sign-in page's links), and the password length. */
@ControllerAdvice
class AccountFeatures {

    private final AccountProperties properties;

    private final IdentityProperties identity;

    AccountFeatures(AccountProperties properties, IdentityProperties identity) {
        this.properties = properties;
        this.identity = identity;
    }

    @ModelAttribute("accountRegistrationEnabled")
    boolean registrationEnabled() {
        return properties.isRegistrationEnabled();
    }

    @ModelAttribute("accountConfirmationRequired")
    boolean confirmationRequired() {
        return properties.isRequireConfirmedEmail();
    }

    @ModelAttribute("passwordMinLength")
    int passwordMinLength() {
        return identity.getPassword().getMinLength();
    }
}
