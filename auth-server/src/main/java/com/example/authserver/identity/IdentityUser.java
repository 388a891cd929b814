package com.example.authserver.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The standard columns of an ASP.NET Core Identity user ({@code AspNetUsers}).
 * Do not add your own properties here: add them to {@link ApplicationUser}.
 */
@MappedSuperclass
public abstract class IdentityUser {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    private String userName;

    private String normalizedUserName;

    private String email;

    private String normalizedEmail;

    private boolean emailConfirmed;

    private String passwordHash;

    /** Changes whenever credentials change; sessions and tokens issued before the change can be invalidated. */
    private String securityStamp = UUID.randomUUID().toString();

    /** Optimistic lock: an update based on a stale copy fails instead of silently overwriting. */
    @Version
    private long concurrencyStamp;

    private String phoneNumber;

    private boolean phoneNumberConfirmed;

    private boolean twoFactorEnabled;

    private Instant lockoutEnd;

    private boolean lockoutEnabled = true;

    private int accessFailedCount;

    @ManyToMany
    @JoinTable(
            name = "user_roles",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<IdentityRole> roles = new HashSet<>();

    public String getId() {
        return id;
    }

    /** Only for a user brought over from another store, who keeps the id clients know (identity/ImportedUsers). */
    void assignId(String id) {
        this.id = id;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
        this.normalizedUserName = LookupNormalizer.normalizeName(userName);
    }

    public String getNormalizedUserName() {
        return normalizedUserName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
        this.normalizedEmail = LookupNormalizer.normalizeEmail(email);
    }

    public String getNormalizedEmail() {
        return normalizedEmail;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmed;
    }

    public void setEmailConfirmed(boolean emailConfirmed) {
        this.emailConfirmed = emailConfirmed;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getSecurityStamp() {
        return securityStamp;
    }

    /** Only for a user brought over from another store: sessions there stay tied to the same stamp here. */
    void setSecurityStamp(String securityStamp) {
        this.securityStamp = securityStamp;
    }

    void renewSecurityStamp() {
        this.securityStamp = UUID.randomUUID().toString();
    }

    public long getConcurrencyStamp() {
        return concurrencyStamp;
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

    public boolean isTwoFactorEnabled() {
        return twoFactorEnabled;
    }

    public void setTwoFactorEnabled(boolean twoFactorEnabled) {
        this.twoFactorEnabled = twoFactorEnabled;
    }

    public Instant getLockoutEnd() {
        return lockoutEnd;
    }

    void setLockoutEnd(Instant lockoutEnd) {
        this.lockoutEnd = lockoutEnd;
    }

    public boolean isLockoutEnabled() {
        return lockoutEnabled;
    }

    public void setLockoutEnabled(boolean lockoutEnabled) {
        this.lockoutEnabled = lockoutEnabled;
    }

    public int getAccessFailedCount() {
        return accessFailedCount;
    }

    void setAccessFailedCount(int accessFailedCount) {
        this.accessFailedCount = accessFailedCount;
    }

    public boolean isLockedOut(Instant now) {
        return lockoutEnabled && lockoutEnd != null && lockoutEnd.isAfter(now);
    }

    Set<IdentityRole> getRoles() {
        return roles;
    }
}
