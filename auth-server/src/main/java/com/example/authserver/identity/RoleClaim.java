package com.example.authserver.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A claim that every member of a role receives ({@code AspNetRoleClaims}). */
@Entity
@Table(name = "role_claims")
public class RoleClaim {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String roleId;

    private String claimType;

    private String claimValue;

    protected RoleClaim() {}

    RoleClaim(String roleId, String claimType, String claimValue) {
        this.roleId = roleId;
        this.claimType = claimType;
        this.claimValue = claimValue;
    }

    public Long getId() {
        return id;
    }

    public String getRoleId() {
        return roleId;
    }

    public String getClaimType() {
        return claimType;
    }

    public String getClaimValue() {
        return claimValue;
    }
}
