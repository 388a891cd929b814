package com.example.authserver.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way in for users brought over from another identity store ({@code imports/}): it keeps what this server
 * otherwise never lets a caller set, because clients and users depend on it: the user's id (the {@code sub} clients
 * stored), the password hash as the source wrote it (verified by its {@code {id}} encoder, see PasswordHashing), the
 * security stamp, the lockout state, and roles with the ids they had. Checks of content (user names, emails) are
 * the caller's: it reports a bad row instead of failing the whole import.
 */
@Service
@Transactional
public class ImportedUsers {

    /**
     * What an import keeps of a user besides the public properties of {@link ApplicationUser}; whether the user's
     * authenticator key here changes with this import (the caller writes it: see save).
     */
    public record Credentials(
            String passwordHash,
            String securityStamp,
            Instant lockoutEnd,
            int accessFailedCount,
            boolean authenticatorKeyChanged) {}

    /** A claim of a user, as the source had it. */
    public record Claim(String type, String value) {}

    private final UserRepository users;

    private final RoleRepository roles;

    private final UserClaimRepository userClaims;

    private final UserLoginRepository logins;

    private final UserTokenRepository tokens;

    ImportedUsers(
            UserRepository users,
            RoleRepository roles,
            UserClaimRepository userClaims,
            UserLoginRepository logins,
            UserTokenRepository tokens) {
        this.users = users;
        this.roles = roles;
        this.userClaims = userClaims;
        this.logins = logins;
        this.tokens = tokens;
    }

    /** A new, unsaved user with the source's id. */
    public ApplicationUser newUser(String id) {
        ApplicationUser user = new ApplicationUser();
        user.assignId(id);
        return user;
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findById(String id) {
        return users.findById(id);
    }

    /**
     * Another user (not the one with this id) who has the same user name or email, once normalized: a duplicate here.
     * Both lookups, each without the user: when the name is the user's own, the email may still be another's.
     */
    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findOtherWithNameOrEmail(String id, String userName, String email) {
        return users.findByNormalizedUserName(LookupNormalizer.normalizeName(userName))
                .filter(other -> !other.getId().equals(id))
                .or(() -> email == null
                        ? Optional.empty()
                        : users.findByNormalizedEmail(LookupNormalizer.normalizeEmail(email))
                                .filter(other -> !other.getId().equals(id)));
    }

    /**
     * The user's state here, empty if the user is not here: the version of the row and a digest of their roles,
     * claims, external logins and the tokens {@code counted} keeps (not, say, a replay guard each sign-in moves). A
     * recovery code used here, or a claim removed here, changes it as an edit of the row does: an import compares it
     * with the state it recorded to leave a user changed here alone.
     */
    @Transactional(readOnly = true)
    public Optional<String> stateHere(String id, Predicate<UserToken> counted) {
        return users.findById(id).map(user -> {
            List<String> lines = new ArrayList<>();
            user.getRoles().forEach(role -> lines.add("role " + role.getId()));
            userClaims
                    .findByUserIdOrderById(id)
                    .forEach(claim -> lines.add("claim " + claim.getClaimType() + "=" + claim.getClaimValue()));
            logins.findByUserIdOrderByLoginProviderAscProviderKeyAsc(id)
                    .forEach(login -> lines.add("login " + login.getLoginProvider() + " " + login.getProviderKey()));
            tokens.findByUserId(id).stream()
                    .filter(counted)
                    .forEach(token -> lines.add(
                            "token " + token.getLoginProvider() + " " + token.getName() + "=" + token.getValue()));
            Collections.sort(lines);
            return user.getConcurrencyStamp() + " " + Sha256.base64Url(String.join("\n", lines));
        });
    }

    /** The id of the user this external account is linked to here, if any. */
    @Transactional(readOnly = true)
    public Optional<String> findLoginOwner(String loginProvider, String providerKey) {
        return logins.findById(new UserLogin.Key(loginProvider, providerKey)).map(UserLogin::getUserId);
    }

    /** The role here with this id (the source's, for an imported role), if any. */
    @Transactional(readOnly = true)
    public Optional<IdentityRole> findRoleById(String id) {
        return roles.findById(id);
    }

    /** A new role with the source's id and name. */
    public IdentityRole createRole(String id, String name) {
        return roles.saveAndFlush(new IdentityRole(id, name));
    }

    /**
     * Saves the user with the source's credentials and replaces their roles, claims and external logins with the
     * given ones; returns the saved user, whose concurrency stamp is the one the database now holds.
     */
    public ApplicationUser save(
            ApplicationUser user,
            Credentials credentials,
            Collection<String> roleIds,
            List<Claim> claims,
            List<UserLogin> userLogins) {
        // new credentials end the user's sessions and refresh tokens here, as a change made here would, even when the
        // source did not renew its stamp (or has none)
        boolean credentialsChanged = !Objects.equals(user.getPasswordHash(), credentials.passwordHash())
                || credentials.authenticatorKeyChanged();
        boolean stampKept = credentials.securityStamp() == null
                || credentials.securityStamp().equals(user.getSecurityStamp());
        user.setPasswordHash(credentials.passwordHash());
        if (credentials.securityStamp() != null) {
            user.setSecurityStamp(credentials.securityStamp());
        }
        if (credentialsChanged && stampKept) {
            user.renewSecurityStamp();
        }
        user.setLockoutEnd(credentials.lockoutEnd());
        user.setAccessFailedCount(credentials.accessFailedCount());
        user.getRoles().clear();
        user.getRoles().addAll(roles.findAllById(roleIds));
        ApplicationUser saved = users.saveAndFlush(user);
        userClaims.deleteAllInBatch(userClaims.findByUserIdOrderById(saved.getId()));
        userClaims.saveAll(claims.stream()
                .map(claim -> new UserClaim(saved.getId(), claim.type(), claim.value()))
                .toList());
        // one by one (see UserImport's tokens): a login kept with another display name is stored again by its key
        logins.deleteAll(logins.findByUserIdOrderByLoginProviderAscProviderKeyAsc(saved.getId()));
        logins.flush();
        logins.saveAll(userLogins);
        logins.flush();
        userClaims.flush();
        return saved;
    }
}
