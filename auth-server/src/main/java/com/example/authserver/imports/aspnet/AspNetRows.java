package com.example.authserver.imports.aspnet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The rows of an ASP.NET Core Identity database, as read (the source's column names in the comments). */
final class AspNetRows {

    private AspNetRows() {}

    /**
     * A row of {@code AspNetUsers}; {@code lockoutEndProblem} says why LockoutEnd could not be read (the row then
     * fails alone), {@code mapped} holds the columns the mapping file names.
     */
    record User(
            String id,
            String userName,
            String normalizedUserName,
            String email,
            boolean emailConfirmed,
            String passwordHash,
            String securityStamp,
            String concurrencyStamp,
            String phoneNumber,
            boolean phoneNumberConfirmed,
            boolean twoFactorEnabled,
            Instant lockoutEnd,
            String lockoutEndProblem,
            boolean lockoutEnabled,
            int accessFailedCount,
            SortedMap<String, String> mapped) {}

    /** A row of {@code AspNetRoles} with its {@code AspNetRoleClaims}. */
    record Role(String id, String name, String concurrencyStamp, List<Claim> claims) {}

    /** A row of {@code AspNetUserClaims} or {@code AspNetRoleClaims}. */
    record Claim(String type, String value) {}

    /** A row of {@code AspNetUserLogins}. */
    record Login(String loginProvider, String providerKey, String providerDisplayName) {}

    /** A row of {@code AspNetUserTokens}. */
    record Token(String loginProvider, String name, String value) {}

    /** What hangs off one user: role ids ({@code AspNetUserRoles}), claims, external logins and tokens. */
    record UserData(List<String> roleIds, List<Claim> claims, List<Login> logins, List<Token> tokens) {

        static final UserData NONE = new UserData(List.of(), List.of(), List.of(), List.of());
    }

    /** Everything an import reads, in a stable order (so a digest of a row means the same in every run). */
    record Snapshot(List<Role> roles, List<User> users, Map<String, UserData> userData, long passkeys) {

        UserData dataOf(String userId) {
            return userData.getOrDefault(userId, UserData.NONE);
        }
    }
}
