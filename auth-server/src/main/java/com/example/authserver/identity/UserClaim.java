package com.example.authserver.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A claim held by one user ({@code AspNetUserClaims}). */
@Entity
@Table(name = "user_claims")
public class UserClaim {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;

    private String claimType;

    private String claimValue;

    protected UserClaim() {}

    UserClaim(String userId, String claimType, String claimValue) {
        this.userId = userId;
        this.claimType = claimType;
        this.claimValue = claimValue;
    }

    public String getUserId() {
        return userId;
    }

    public String getClaimType() {
        return claimType;
    }

    public String getClaimValue() {
        return claimValue;
    }
}
