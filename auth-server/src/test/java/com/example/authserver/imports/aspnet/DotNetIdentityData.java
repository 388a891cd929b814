package com.example.authserver.imports.aspnet;

import com.example.authserver.imports.aspnet.DotNetPasswordHashes.Prf;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;

/**
 * The users, roles, claims, logins and tokens of a .NET application, as its Identity store holds them, written into
 * an {@link AspNetIdentitySource}. Ids and names are new for every instance: every test imports into the one shared
 * server database, and the import keys its bookkeeping by the source id.
 */
final class DotNetIdentityData {

    static final String V2_PASSWORD = "Old-app-pass-v2!";

    static final String V3_PASSWORD = "Old-app-pass-v3!";

    static final String TOTP_PASSWORD = "Old-app-pass-totp!";

    static final Instant LOCKED_UNTIL = Instant.parse("2999-01-01T00:00:00Z");

    private static final SecureRandom RANDOM = new SecureRandom();

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    final String v2Id = UUID.randomUUID().toString();

    final String v3Id = UUID.randomUUID().toString();

    final String totpId = UUID.randomUUID().toString();

    final String externalId = UUID.randomUUID().toString();

    final String lockedId = UUID.randomUUID().toString();

    final String badEmailId = UUID.randomUUID().toString();

    final String badHashId = UUID.randomUUID().toString();

    /** 40 characters: more than users.id here holds. */
    final String longId = UUID.randomUUID() + "-0001";

    final String aliceTwinId = UUID.randomUUID().toString();

    final String adminsId = UUID.randomUUID().toString();

    final String editorsId = UUID.randomUUID().toString();

    final String v2Name = "v2-" + suffix;

    final String v3Name = "v3-" + suffix + "@example.org";

    final String totpName = "totp-" + suffix;

    final String externalName = "external-" + suffix;

    final String lockedName = "locked-" + suffix;

    final String admins = "Admins-" + suffix;

    final String editors = "Editors-" + suffix;

    final String googleSubject = "google-" + suffix;

    /** The key the user's authenticator app holds: 160 bits in Base32, as .NET's GenerateNewAuthenticatorKey. */
    final String authenticatorKey = newKey();

    /** .NET's recovery codes: 10 of {@code XXXXX-XXXXX}. */
    final List<String> recoveryCodes = List.of(
            "K4M2P-7QX9Z",
            "B8D3F-2GH6J",
            "N5R7T-9VW3Y",
            "C2E4G-6JK8M",
            "P3S5U-7WX9A",
            "D4F6H-8KM2N",
            "Q5T7V-9XZ3B",
            "E6G8J-2LN4P",
            "R7U9W-3YA5C",
            "F8H2K-4MP6Q");

    /** Users, roles, and the rows that hang off them; the three broken users and alice's twin among them. */
    void writeTo(AspNetIdentitySource db) {
        role(db, adminsId, admins);
        role(db, editorsId, editors);
        db.execute(
                "insert into \"AspNetRoleClaims\" (\"RoleId\", \"ClaimType\", \"ClaimValue\") values (?, ?, ?)",
                adminsId,
                "permission",
                "users.manage");
        user(db, v2Id, v2Name, v2Name + "@example.org", DotNetPasswordHashes.v2(V2_PASSWORD), false, null);
        user(db, v3Id, v3Name, v3Name, DotNetPasswordHashes.v3(V3_PASSWORD, Prf.SHA256, 10_000), false, null);
        db.execute(
                "update \"AspNetUsers\" set \"FirstName\" = ?, \"LastName\" = ? where \"Id\" = ?",
                "Ada",
                "Lovelace",
                v3Id);
        user(
                db,
                totpId,
                totpName,
                totpName + "@example.org",
                DotNetPasswordHashes.v3(TOTP_PASSWORD, Prf.SHA512, 100_000),
                true,
                null);
        user(db, externalId, externalName, externalName + "@example.org", null, false, null);
        user(
                db,
                lockedId,
                lockedName,
                lockedName + "@example.org",
                DotNetPasswordHashes.v2(V2_PASSWORD),
                false,
                db.lockoutEnd(LOCKED_UNTIL));
        user(db, badEmailId, "bad-email-" + suffix, "not an email", DotNetPasswordHashes.v2(V2_PASSWORD), false, null);
        user(db, badHashId, "bad-hash-" + suffix, "bad-hash-" + suffix + "@example.org", "AQIDBA==", false, null);
        user(db, longId, "long-id-" + suffix, "long-id-" + suffix + "@example.org", null, false, null);
        user(
                db,
                aliceTwinId,
                "alice",
                "alice-" + suffix + "@example.org",
                DotNetPasswordHashes.v2(V2_PASSWORD),
                false,
                null);
        userRole(db, v2Id, editorsId);
        userRole(db, v3Id, adminsId);
        userRole(db, v3Id, editorsId);
        userRole(db, totpId, editorsId);
        db.execute(
                "insert into \"AspNetUserClaims\" (\"UserId\", \"ClaimType\", \"ClaimValue\") values (?, ?, ?)",
                v3Id,
                "department",
                "Engineering");
        db.execute(
                "insert into \"AspNetUserLogins\" (\"LoginProvider\", \"ProviderKey\", \"ProviderDisplayName\","
                        + " \"UserId\") values (?, ?, ?, ?)",
                "Google",
                googleSubject,
                "Google",
                externalId);
        token(db, totpId, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey);
        token(db, totpId, "[AspNetUserStore]", "RecoveryCodes", String.join(";", recoveryCodes));
        token(db, v2Id, "Google", "access_token", "an-upstream-token-" + suffix);
    }

    /** 7 importable users and 2 roles (imported), 4 broken users (failed). */
    static final int IMPORTED = 7;

    static final int FAILED = 4;

    private static void role(AspNetIdentitySource db, String id, String name) {
        db.execute(
                "insert into \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\", \"ConcurrencyStamp\") values (?, ?, ?, ?)",
                id,
                name,
                name.toUpperCase(),
                UUID.randomUUID().toString());
    }

    private static void user(
            AspNetIdentitySource db,
            String id,
            String name,
            String email,
            String hash,
            boolean twoFactor,
            Object lockoutEnd) {
        db.execute(
                "insert into \"AspNetUsers\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"Email\","
                        + " \"NormalizedEmail\", \"EmailConfirmed\", \"PasswordHash\", \"SecurityStamp\","
                        + " \"ConcurrencyStamp\", \"PhoneNumber\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\","
                        + " \"LockoutEnd\", \"LockoutEnabled\", \"AccessFailedCount\")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                name,
                name.toUpperCase(),
                email,
                email.toUpperCase(),
                true,
                hash,
                new Base32()
                        .encodeAsString(UUID.randomUUID().toString().getBytes())
                        .substring(0, 32),
                UUID.randomUUID().toString(),
                "+1 555 0100",
                false,
                twoFactor,
                lockoutEnd,
                true,
                lockoutEnd == null ? 0 : 3);
    }

    private static void userRole(AspNetIdentitySource db, String userId, String roleId) {
        db.execute("insert into \"AspNetUserRoles\" (\"UserId\", \"RoleId\") values (?, ?)", userId, roleId);
    }

    private static void token(AspNetIdentitySource db, String userId, String provider, String name, String value) {
        db.execute(
                "insert into \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\")"
                        + " values (?, ?, ?, ?)",
                userId,
                provider,
                name,
                value);
    }

    private static String newKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeAsString(bytes).replace("=", "");
    }
}
