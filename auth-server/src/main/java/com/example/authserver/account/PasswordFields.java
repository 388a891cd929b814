package com.example.authserver.account;

import com.example.authserver.identity.IdentityProperties;
import com.example.authserver.identity.PasswordPolicy;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Checks a new password and its confirmation on a form: every rule of the {@link PasswordPolicy} it
 * breaks becomes an error on the {@code password} field ({@code account.password.<rule code>} in
 * messages.properties), a different confirmation an error on {@code confirmPassword}.
 */
@Component
public class PasswordFields {

    private final PasswordPolicy policy;

    private final IdentityProperties.Password rules;

    PasswordFields(PasswordPolicy policy, IdentityProperties identity) {
        this.policy = policy;
        this.rules = identity.getPassword();
    }

    public void check(String password, String confirmation, Errors errors) {
        if (!StringUtils.hasLength(password)) {
            errors.rejectValue("password", "account.error.password.required");
            return;
        }
        for (String problem : policy.problems(password)) {
            errors.rejectValue(
                    "password",
                    "account.password." + problem,
                    new Object[] {rules.getMinLength(), rules.getMaxLength()},
                    null);
        }
        if (!password.equals(confirmation)) {
            errors.rejectValue("confirmPassword", "account.error.password.mismatch");
        }
    }
}
