package com.example.authserver.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A role ({@code AspNetRoles}). Its claims are in {@link RoleClaim}. */
@Entity
@Table(name = "roles")
public class IdentityRole {

    /**
     * The normalized name of this server's administrator role, named {@link #ADMIN_NAME}: {@code hasRole("ADMIN")} in
     * security/ApplicationSecurity, registration/RegistrationAdminController and the admin console (roles become
     * authorities by their normalized names, {@link #authority}); an import never lets a source role join it unasked.
     */
    public static final String ADMIN = "ADMIN";

    /** The administrator role's name, as it is created (seed/SeedUsers, the {@code admin create} command). */
    public static final String ADMIN_NAME = "admin";

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    private String name;

    private String normalizedName;

    @Version
    private long concurrencyStamp;

    protected IdentityRole() {}

    public IdentityRole(String name) {
        this.name = name;
        this.normalizedName = LookupNormalizer.normalizeName(name);
    }

    /** A role brought over from another store with the id it had there (identity/ImportedUsers). */
    IdentityRole(String id, String name) {
        this(name);
        this.id = id;
    }

    /**
     * The Spring Security authority of the role named {@code roleName}: {@code ROLE_} and its normalized name, so a
     * role named {@code admin} (or {@code Admin}) passes {@code hasRole("ADMIN")}, as lookups by name ignore case.
     */
    public static String authority(String roleName) {
        return "ROLE_" + LookupNormalizer.normalizeName(roleName);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNormalizedName() {
        return normalizedName;
    }

    /** Incremented by every update: a change made from an older read fails (optimistic lock). */
    public long getConcurrencyStamp() {
        return concurrencyStamp;
    }

    /** Members keep the role: they hold it by id. */
    void rename(String newName) {
        this.name = newName;
        this.normalizedName = LookupNormalizer.normalizeName(newName);
    }
}
