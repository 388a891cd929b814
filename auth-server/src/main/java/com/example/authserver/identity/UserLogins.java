package com.example.authserver.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * External logins ({@code user_logins}, ASP.NET Core Identity's {@code AddLoginAsync} and friends): which local
 * user an account at an upstream provider signs in as, linking and unlinking, creating a user who signs in only
 * through a provider, and giving such a user a first password. A user always keeps one way to sign in: the last
 * link of a user without a password cannot be removed. Every change of links or password renews the security stamp.
 * Links are only ever made on purpose (a new account, or a sign-in with the local password): never by email.
 */
@Service
@Transactional
public class UserLogins {

    /** What {@link #addLogin} did. */
    public enum LinkResult {
        ADDED,
        ALREADY_LINKED,
        LINKED_TO_ANOTHER_USER
    }

    private final UserRepository users;

    private final UserLoginRepository logins;

    private final IdentityProperties properties;

    private final PasswordPolicy passwordPolicy;

    private final PasswordEncoder passwordEncoder;

    private final ApplicationEventPublisher events;

    UserLogins(
            UserRepository users,
            UserLoginRepository logins,
            IdentityProperties properties,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events) {
        this.users = users;
        this.logins = logins;
        this.properties = properties;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** The local user the provider's account is linked to, if any. */
    @Transactional(readOnly = true)
    public Optional<ApplicationUser> findByLogin(String loginProvider, String providerKey) {
        return logins.findById(new UserLogin.Key(loginProvider, providerKey))
                .flatMap(login -> users.findById(login.getUserId()));
    }

    @Transactional(readOnly = true)
    public List<UserLogin> getLogins(ApplicationUser user) {
        return logins.findByUserIdOrderByLoginProviderAscProviderKeyAsc(user.getId());
    }

    /** True if the user has a password, or more than one link: removing one link still leaves a way in. */
    @Transactional(readOnly = true)
    public boolean canRemoveLogin(ApplicationUser user) {
        ApplicationUser current = users.findById(user.getId()).orElseThrow();
        return current.getPasswordHash() != null || getLogins(current).size() > 1;
    }

    /**
     * Stores a new user who has no password and signs in through the provider's account. Fails like
     * {@link UserManager#create} when the user name or email is taken, and when the account is linked already.
     */
    public ApplicationUser createWithLogin(
            ApplicationUser user, String loginProvider, String providerKey, String providerDisplayName) {
        UserManager.requireAllowedUserName(user);
        if (users.findByNormalizedUserName(user.getNormalizedUserName()).isPresent()) {
            throw new IdentityException(
                    "DuplicateUserName", "User name '" + user.getUserName() + "' is already taken.");
        }
        if (user.getEmail() != null
                && properties.isRequireUniqueEmail()
                && users.findByNormalizedEmail(user.getNormalizedEmail()).isPresent()) {
            throw new IdentityException("DuplicateEmail", "Email '" + user.getEmail() + "' is already taken.");
        }
        if (logins.existsById(new UserLogin.Key(loginProvider, providerKey))) {
            throw new IdentityException("LoginAlreadyAssociated", "This external account is linked already.");
        }
        user.setPasswordHash(null);
        user.renewSecurityStamp();
        ApplicationUser created = users.saveAndFlush(user);
        logins.saveAndFlush(new UserLogin(loginProvider, providerKey, providerDisplayName, created.getId()));
        return created;
    }

    /** Links the provider's account to the user, unless it is linked already; a new link renews the security stamp. */
    public LinkResult addLogin(
            ApplicationUser user, String loginProvider, String providerKey, String providerDisplayName) {
        Optional<UserLogin> existing = logins.findById(new UserLogin.Key(loginProvider, providerKey));
        if (existing.isPresent()) {
            return existing.get().getUserId().equals(user.getId())
                    ? LinkResult.ALREADY_LINKED
                    : LinkResult.LINKED_TO_ANOTHER_USER;
        }
        ApplicationUser current = users.findForUpdateById(user.getId()).orElseThrow();
        logins.saveAndFlush(new UserLogin(loginProvider, providerKey, providerDisplayName, current.getId()));
        current.renewSecurityStamp();
        users.saveAndFlush(current);
        events.publishEvent(new ExternalLoginAdded(current.getId(), providerDisplayName));
        return LinkResult.ADDED;
    }

    /**
     * Removes a link of the user and renews the security stamp; false if the user has no such link. Fails with
     * {@code LastLogin} when it is the user's last way to sign in (no password, no other link).
     */
    public boolean removeLogin(ApplicationUser user, String loginProvider, String providerKey) {
        ApplicationUser current = users.findForUpdateById(user.getId()).orElseThrow();
        Optional<UserLogin> login = logins.findById(new UserLogin.Key(loginProvider, providerKey))
                .filter(found -> found.getUserId().equals(current.getId()));
        if (login.isEmpty()) {
            return false;
        }
        if (current.getPasswordHash() == null && getLogins(current).size() <= 1) {
            throw new IdentityException(
                    "LastLogin", "The last way to sign in cannot be removed: set a password first.");
        }
        logins.delete(login.get());
        current.renewSecurityStamp();
        users.saveAndFlush(current);
        events.publishEvent(new ExternalLoginRemoved(current.getId(), current.getUserName(), loginProvider));
        return true;
    }

    /**
     * Removes every link of the user, whatever is left to sign in with (a password reset link just gave the user a
     * password): the links made while the user's email address was unproven. The caller renews the security stamp.
     */
    public void removeAll(String userId) {
        logins.deleteAll(logins.findByUserIdOrderByLoginProviderAscProviderKeyAsc(userId));
        logins.flush();
    }

    /**
     * Gives a user who signs in only through providers a first password (ASP.NET's {@code AddPasswordAsync}),
     * following the password policy, and renews the security stamp. Fails with {@code UserAlreadyHasPassword}
     * for a user who has one: that user changes it with the current password instead.
     */
    public void addPassword(ApplicationUser user, String password) {
        ApplicationUser current = users.findForUpdateById(user.getId()).orElseThrow();
        if (current.getPasswordHash() != null) {
            throw new IdentityException("UserAlreadyHasPassword", "The user has a password already.");
        }
        passwordPolicy.requireValid(password);
        current.setPasswordHash(passwordEncoder.encode(password));
        current.renewSecurityStamp();
        users.saveAndFlush(current);
    }
}
