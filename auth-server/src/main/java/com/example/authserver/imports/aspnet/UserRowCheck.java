package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.UserManager;
import com.example.authserver.imports.aspnet.AspNetRows.Claim;
import com.example.authserver.imports.aspnet.AspNetRows.Login;
import com.example.authserver.imports.aspnet.AspNetRows.Token;
import com.example.authserver.imports.aspnet.AspNetRows.User;
import com.example.authserver.imports.aspnet.AspNetRows.UserData;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The checks a source user must pass before anything of it is written: what this server requires of its own users
 * (a user name, a valid email by the rule registration uses, a user name that is no one else's email), what its
 * columns hold (lengths of the identity baseline migration), and source values that must be readable (password hash,
 * LockoutEnd, authenticator key). A row that fails is reported with the first reason and skipped; the rest goes on.
 */
@Component
class UserRowCheck {

    /** The id column of users (varchar(36)): a .NET id is a GUID string unless the project changed its key type. */
    static final int MAX_ID = 36;

    private static final int MAX_NAME = 256;

    private static final int MAX_STAMP = 64;

    private static final int MAX_PHONE = 64;

    private static final int MAX_HASH = 512;

    private static final int MAX_CLAIM_TYPE = 256;

    private static final int MAX_CLAIM_VALUE = 1024;

    private static final int MAX_PROVIDER = 128;

    private static final int MAX_PROVIDER_KEY = 256;

    private static final int MAX_TOKEN_VALUE = 4096;

    /** The email rule of the registration form (account/registration/AccountForm). */
    record EmailAddress(@Email String value) {}

    private final Validator validator;

    UserRowCheck(Validator validator) {
        this.validator = validator;
    }

    /** Why the user cannot be imported, or null. */
    String problem(User user, UserData data) {
        if (user.id() == null || user.id().isBlank()) {
            return "no Id";
        }
        if (user.id().length() > MAX_ID) {
            return "Id is longer than " + MAX_ID + " characters (users.id here is varchar(36))";
        }
        if (user.userName() == null || user.userName().isBlank()) {
            return "no UserName";
        }
        if (user.userName().length() > MAX_NAME) {
            return "UserName is longer than " + MAX_NAME + " characters";
        }
        if (user.email() != null && !isEmail(user.email())) {
            return "Email '" + user.email() + "' is not an email address";
        }
        if (!UserManager.isAllowedUserName(user.userName(), user.email())) {
            return "UserName looks like an email address other than the user's own Email";
        }
        if (user.passwordHash() != null) {
            if (AspNetPasswordHashes.PREFIX.length() + user.passwordHash().length() > MAX_HASH) {
                return "PasswordHash is longer than this server keeps";
            }
            String hashProblem = AspNetPasswordHashes.problem(user.passwordHash());
            if (hashProblem != null) {
                return hashProblem;
            }
        }
        if (user.lockoutEndProblem() != null) {
            return user.lockoutEndProblem();
        }
        if (user.securityStamp() != null && user.securityStamp().length() > MAX_STAMP) {
            return "SecurityStamp is longer than " + MAX_STAMP + " characters";
        }
        if (user.phoneNumber() != null && user.phoneNumber().length() > MAX_PHONE) {
            return "PhoneNumber is longer than " + MAX_PHONE + " characters";
        }
        return dataProblem(data);
    }

    private static String dataProblem(UserData data) {
        for (Claim claim : data.claims()) {
            if (claim.type() != null && claim.type().length() > MAX_CLAIM_TYPE
                    || claim.value() != null && claim.value().length() > MAX_CLAIM_VALUE) {
                return "claim " + claim.type() + " is longer than this server keeps";
            }
        }
        for (Login login : data.logins()) {
            if (login.loginProvider().length() > MAX_PROVIDER
                    || login.providerKey().length() > MAX_PROVIDER_KEY) {
                return "external login " + login.loginProvider() + " is longer than this server keeps";
            }
        }
        for (Token token : data.tokens()) {
            if (token.loginProvider().length() > MAX_PROVIDER
                    || token.name().length() > MAX_PROVIDER
                    || token.value() != null && token.value().length() > MAX_TOKEN_VALUE) {
                return "token " + token.loginProvider() + "/" + token.name() + " is longer than this server keeps";
            }
        }
        Optional<String> key = data.tokens().stream()
                .filter(token -> UserImport.DOTNET_STORE.equals(token.loginProvider())
                        && "AuthenticatorKey".equals(token.name())
                        && token.value() != null
                        && !token.value().isBlank())
                .map(Token::value)
                .findFirst();
        if (key.isPresent() && !AspNetIdentityImporter.isBase32Key(key.get())) {
            return "the authenticator key (AspNetUserTokens) is not a Base32 key";
        }
        return null;
    }

    private boolean isEmail(String email) {
        return email.length() <= MAX_NAME
                && email.indexOf('@') > 0
                && validator.validate(new EmailAddress(email)).isEmpty();
    }
}
