package com.example.authserver.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The user of this server: THE class to edit when you need more profile data.
 * <p>
 * Add a property here, add a Flyway migration for its column
 * ({@code ./mvnw -Pnew-migration -Dname=AddDepartment} writes it into
 * {@code src/main/resources/db/migration/<vendor>/identity}), and map it to a claim in
 * {@code claims/ClaimsMapping.java}. The README walks through it end to end.
 * The standard Identity columns live in {@link IdentityUser}.
 */
@Entity
@Table(name = "users")
public class ApplicationUser extends IdentityUser {

    private String givenName;

    private String familyName;

    /** A disabled user cannot sign in, refresh tokens or call UserInfo. */
    private boolean enabled = true;

    /** Set by an administrator: at the next sign-in, the user chooses a new password before anything else. */
    private boolean passwordChangeRequired;

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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void setPasswordChangeRequired(boolean passwordChangeRequired) {
        this.passwordChangeRequired = passwordChangeRequired;
    }
}
