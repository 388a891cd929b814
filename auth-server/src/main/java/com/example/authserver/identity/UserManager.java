package com.example.authserver.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the server does with users, in the spirit of ASP.NET Core Identity's {@code UserManager}:
 * creating users, finding them, checking passwords with lockout, claims, roles, password changes and resets.
 * Pages and token code go through this class rather than the repositories.
 */
@Service
@Transactional
public class UserManager {

    private final UserRepository users;

    private final RoleRepository roles;

    private final UserClaimRepository userClaims;

    private final RoleClaimRepository roleClaims;

    private final PasswordEncoder passwordEncoder;

    private final IdentityProperties properties;

    private final PasswordPolicy passwordPolicy;

    private final ObjectProvider<UserConfirmation> confirmation;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private volatile String timingEqualizerHash;

    UserManager(
            UserRepository users,
            RoleRepository roles,
            UserClaimRepository userClaims,
            RoleClaimRepository roleClaims,
            PasswordEncoder passwordEncoder,
            IdentityProperties properties,
            PasswordPolicy passwordPolicy,
            ObjectProvider<UserConfirmation> confirmation,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.userClaims = userClaims;
        this.roleClaims = roleClaims;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.passwordPolicy = passwordPolicy;
        this.confirmation = confirmation;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a new user with a hashed password. Fails if the user name or email is taken, or if the user name looks
     * like an email address other than the user's own ({@link #isAllowedUserName}).
     */
    public ApplicationUser create(ApplicationUser user, String password) {
        passwordPolicy.requireValid(password);
        return insert(user, password);
    }

    /**
     * Stores a new user without a password (an administrator's or a provisioning client's user, who signs in through
     * an external provider or sets a password with a reset link); the same checks as {@link #create}.
     */
    public ApplicationUser createWithoutPassword(ApplicationUser user) {
        return insert(user, null);
    }

    private ApplicationUser insert(ApplicationUser user, String password) {
        requireAllowedUserName(user);
        if (users.findByNormalizedUserName(user.getNormalizedUserName()).isPresent()) {
            throw new IdentityException(
                    "DuplicateUserName", "User name '" + user.getUserName() + "' is already taken.");
        }
        if (user.getEmail() != null
                && properties.isRequireUniqueEmail()
                && users.findByNormalizedEmail(user.getNormalizedEmail()).isPresent()) {
            throw new IdentityException("DuplicateEmail", "Email '" + user.getEmail() + "' is already taken.");
        }
        user.setPasswordHash(password == null ? null : passwordEncoder.encode(password));
        user.renewSecurityStamp();
        return users.saveAndFlush(user);
    }

    /** Saves changes to a user; fails with an optimistic locking error if someone else changed it first. */
    public ApplicationUser update(ApplicationUser user) {
        return users.saveAndFlush(user);
    }

    /**
     * Fails, as {@link #create} does, if the user's (changed) user name is not allowed or belongs to another user, or
     * their email address is another user's: for an administrator who changes them (administration/).
     */
    @Transactional(readOnly = true)
    public void requireAvailableIdentifiers(ApplicationUser user) {
        requireAllowedUserName(user);
        if (users.findByNormalizedUserName(user.getNormalizedUserName())
                .filter(other -> !other.getId().equals(user.getId()))
                .isPresent()) {
            throw new IdentityException(
                    "DuplicateUserName", "User name '" + user.getUserName() + "' is already taken.");
        }
        if (user.getEmail() != null
                && properties.isRequireUniqueEmail()
                && users.findByNormalizedEmail(user.getNormalizedEmail())
                        .filter(other -> !other.getId().equals(user.getId()))
                        .isPresent()) {
            throw new IdentityException("DuplicateEmail", "Email '" + user.getEmail() + "' is already taken.");
        }
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findById(String id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findByName(String userName) {
        return users.findByNormalizedUserName(LookupNormalizer.normalizeName(userName));
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findByEmail(String email) {
        return users.findByNormalizedEmail(LookupNormalizer.normalizeEmail(email));
    }

    /**
     * The user a sign-in form means: an identifier that looks like an email address finds the account whose address
     * it is first, so that nobody's user name can stand in front of another account's email; otherwise the user name.
     */
    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findByNameOrEmail(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return looksLikeEmail(login) ? findByEmail(login).or(() -> findByName(login)) : findByName(login);
    }

    /**
     * A user name may look like an email address only if it is the user's own address: otherwise it could pass for
     * the address of someone else's account.
     */
    public static boolean isAllowedUserName(String userName, String email) {
        return userName == null
                || !looksLikeEmail(userName)
                || LookupNormalizer.normalizeEmail(userName).equals(LookupNormalizer.normalizeEmail(email));
    }

    static void requireAllowedUserName(ApplicationUser user) {
        if (user.getUserName() == null || user.getUserName().isBlank()) {
            throw new IdentityException("InvalidUserName", "A user name is required.");
        }
        if (!isAllowedUserName(user.getUserName(), user.getEmail())) {
            throw new IdentityException(
                    "InvalidUserName", "A user name that looks like an email address must be the user's own address.");
        }
    }

    private static boolean looksLikeEmail(String value) {
        return value.contains("@");
    }

    /**
     * Checks a password and keeps the lockout count: a success resets it, a failure raises it and
     * locks the account for the configured time once the limit is reached. A locked-out user fails
     * without the password being checked; a right password of a user whom the {@link UserConfirmation}
     * does not allow in yet gives {@code NOT_CONFIRMED}.
     */
    public PasswordCheckResult checkPassword(String userId, String password) {
        ApplicationUser user = users.findForUpdateById(userId).orElseThrow();
        Instant now = clock.instant();
        if (user.isLockedOut(now)) {
            simulatePasswordCheck(password); // as slow as a real check: the answer's time tells nobody of the lockout
            return PasswordCheckResult.LOCKED_OUT;
        }
        if (user.getPasswordHash() != null
                && password != null
                && passwordEncoder.matches(password, user.getPasswordHash())) {
            if (passwordEncoder.upgradeEncoding(user.getPasswordHash())) {
                user.setPasswordHash(passwordEncoder.encode(password));
            }
            // with two-factor sign-in on, a right password is half a sign-in: failed codes keep counting until the
            // second step succeeds (resetAccessFailedCount), so password, wrong codes, password... never escapes
            // lockout
            if (!user.isTwoFactorEnabled() && (user.getAccessFailedCount() != 0 || user.getLockoutEnd() != null)) {
                user.setAccessFailedCount(0);
                user.setLockoutEnd(null);
            }
            UserConfirmation rule = confirmation.getIfAvailable();
            return rule == null || rule.isConfirmed(user)
                    ? PasswordCheckResult.SUCCESS
                    : PasswordCheckResult.NOT_CONFIRMED;
        }
        return countFailure(user, now) ? PasswordCheckResult.LOCKED_OUT : PasswordCheckResult.FAILED;
    }

    /**
     * Counts a failed second-factor check (a wrong authenticator or recovery code) like a wrong password;
     * true if the user is locked out now.
     */
    public boolean accessFailed(String userId) {
        ApplicationUser user = users.findForUpdateById(userId).orElseThrow();
        Instant now = clock.instant();
        return user.isLockedOut(now) || countFailure(user, now);
    }

    /** Ends a run of failures after a complete sign-in (password and second factor). */
    public void resetAccessFailedCount(String userId) {
        ApplicationUser user = users.findForUpdateById(userId).orElseThrow();
        if (user.getAccessFailedCount() != 0) {
            user.setAccessFailedCount(0);
        }
    }

    private boolean countFailure(ApplicationUser user, Instant now) {
        if (!user.isLockoutEnabled()) {
            return false;
        }
        int failures = user.getAccessFailedCount() + 1;
        if (failures >= properties.getLockout().getMaxFailedAttempts()) {
            user.setLockoutEnd(now.plus(properties.getLockout().getDuration()));
            user.setAccessFailedCount(0);
            events.publishEvent(new UserLockedOut(user.getId()));
            return true;
        }
        user.setAccessFailedCount(failures);
        return false;
    }

    /**
     * Changes security settings of a user (two-factor, links, email) on the locked row and renews the security
     * stamp: the user's other sessions and earlier refresh tokens stop working (see {@link SecurityStamp}).
     */
    public ApplicationUser updateSecurity(String userId, Consumer<ApplicationUser> change) {
        ApplicationUser current = users.findForUpdateById(userId).orElseThrow();
        change.accept(current);
        current.renewSecurityStamp();
        return users.saveAndFlush(current);
    }

    /** Spends the time of one password check, so that unknown user names take as long as known ones. */
    public void simulatePasswordCheck(String password) {
        String hash = timingEqualizerHash;
        if (hash == null) {
            hash = passwordEncoder.encode(UUID.randomUUID().toString());
            timingEqualizerHash = hash;
        }
        passwordEncoder.matches(password == null ? "" : password, hash);
    }

    /** Changes the password after checking the current one, and renews the security stamp. */
    public void changePassword(ApplicationUser user, String currentPassword, String newPassword) {
        ApplicationUser current = users.findById(user.getId()).orElseThrow();
        if (current.getPasswordHash() == null || !passwordEncoder.matches(currentPassword, current.getPasswordHash())) {
            throw new IdentityException("PasswordMismatch", "The current password is not correct.");
        }
        passwordPolicy.requireValid(newPassword);
        current.setPasswordHash(passwordEncoder.encode(newPassword));
        current.renewSecurityStamp();
        users.saveAndFlush(current);
    }

    /**
     * Sets a new password without the current one, for a caller that has proved the user's identity
     * otherwise (a password reset link); renews the security stamp, which ends every other reset link.
     * Receiving the link proves the email address too: the caller marks it confirmed, after removing what was added
     * while it was not (account/UnprovenCredentials).
     */
    public void resetPassword(ApplicationUser user, String newPassword) {
        ApplicationUser current = users.findForUpdateById(user.getId()).orElseThrow();
        passwordPolicy.requireValid(newPassword);
        current.setPasswordHash(passwordEncoder.encode(newPassword));
        current.renewSecurityStamp();
        users.saveAndFlush(current);
    }

    /**
     * The new password of a user whom an administrator required to choose one ({@link
     * ApplicationUser#isPasswordChangeRequired}): it follows the policy and is not the old one; the requirement ends
     * and the security stamp is renewed.
     */
    public void replaceRequiredPassword(String userId, String newPassword) {
        ApplicationUser current = users.findForUpdateById(userId).orElseThrow();
        passwordPolicy.requireValid(newPassword);
        if (current.getPasswordHash() != null && passwordEncoder.matches(newPassword, current.getPasswordHash())) {
            throw new IdentityException("PasswordUnchanged", "The new password must differ from the current one.");
        }
        current.setPasswordHash(passwordEncoder.encode(newPassword));
        current.setPasswordChangeRequired(false);
        current.renewSecurityStamp();
        users.saveAndFlush(current);
    }

    public void addClaim(ApplicationUser user, String type, String value) {
        userClaims.save(new UserClaim(user.getId(), type, value));
    }

    public void removeClaim(ApplicationUser user, String type, String value) {
        userClaims.deleteByUserIdAndClaimTypeAndClaimValue(user.getId(), type, value);
    }

    @Transactional(readOnly = true)
    public List<UserClaim> getClaims(ApplicationUser user) {
        return userClaims.findByUserIdOrderById(user.getId());
    }

    public void addToRole(ApplicationUser user, String roleName) {
        ApplicationUser current = users.findById(user.getId()).orElseThrow();
        IdentityRole role = roles.findByNormalizedName(LookupNormalizer.normalizeName(roleName))
                .orElseThrow(() -> new IdentityException("InvalidRoleName", "Role '" + roleName + "' does not exist."));
        current.getRoles().add(role);
        users.saveAndFlush(current);
    }

    public void removeFromRole(ApplicationUser user, String roleName) {
        ApplicationUser current = users.findById(user.getId()).orElseThrow();
        String normalized = LookupNormalizer.normalizeName(roleName);
        if (current.getRoles().removeIf(role -> role.getNormalizedName().equals(normalized))) {
            // a role taken away ends the sessions signed in with it (their authorities were read at sign-in)
            current.renewSecurityStamp();
            users.saveAndFlush(current);
        }
    }

    @Transactional(readOnly = true)
    public Set<String> getRoleNames(ApplicationUser user) {
        Set<String> names = new TreeSet<>();
        users.findById(user.getId())
                .ifPresent(current -> current.getRoles().forEach(role -> names.add(role.getName())));
        return names;
    }

    @Transactional(readOnly = true)
    public List<RoleClaim> getRoleClaims(ApplicationUser user) {
        List<String> roleIds = users.findById(user.getId()).stream()
                .flatMap(current -> current.getRoles().stream())
                .map(IdentityRole::getId)
                .toList();
        return roleIds.isEmpty() ? List.of() : roleClaims.findByRoleIdInOrderById(roleIds);
    }

    /** Deletes the user; the database removes their roles, claims, external logins and tokens with them. */
    public void delete(String userId) {
        users.findForUpdateById(userId).ifPresent(users::delete);
        users.flush();
    }

    /** Ends a lockout at once and forgets the failed attempts that led to it. */
    public void unlock(String userId) {
        users.findForUpdateById(userId).ifPresent(current -> {
            current.setLockoutEnd(null);
            current.setAccessFailedCount(0);
            users.saveAndFlush(current);
        });
    }

    /** How many enabled users hold the role (is there an administrator yet?). */
    @Transactional(readOnly = true)
    public long countEnabledInRole(String roleName) {
        return users.countEnabledInRole(LookupNormalizer.normalizeName(roleName));
    }

    /**
     * How many enabled users hold the role (whether removing one would leave no administrator), with the role's row
     * and theirs locked until the caller's transaction ends: two administrators disabling each other at once cannot
     * both see the other one left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lockEnabledInRole(String roleName) {
        String normalized = LookupNormalizer.normalizeName(roleName);
        users.lockRole(normalized);
        return users.lockEnabledInRole(normalized).size();
    }

    /** True if the user may hold a session or tokens right now: enabled and not locked out. */
    public boolean isActive(ApplicationUser user) {
        return user.isEnabled() && !user.isLockedOut(clock.instant());
    }
}
