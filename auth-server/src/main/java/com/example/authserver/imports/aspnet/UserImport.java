package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.ImportedUsers;
import com.example.authserver.identity.UserLogin;
import com.example.authserver.identity.UserToken;
import com.example.authserver.identity.UserTokenRepository;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.ImportedRows.Decision;
import com.example.authserver.imports.aspnet.AspNetRows.Login;
import com.example.authserver.imports.aspnet.AspNetRows.Token;
import com.example.authserver.imports.aspnet.AspNetRows.User;
import com.example.authserver.imports.aspnet.AspNetRows.UserData;
import com.example.authserver.twofactor.ImportedTwoFactor;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Brings one AspNetUsers row, with what hangs off it, over into this server's store, or says why not. It runs inside
 * the batch's transaction; every write goes through identity/ImportedUsers and twofactor/ImportedTwoFactor, so the
 * user is stored exactly as this server stores its own.
 */
@Component
class UserImport {

    /** The kind of the rows this import records in imported_rows. */
    static final String KIND = ImportedRows.ASPNET_IDENTITY_USERS;

    /** Where .NET's UserManager keeps a user's authenticator key and recovery codes (in clear). */
    static final String DOTNET_STORE = "[AspNetUserStore]";

    /**
     * Claim types this server derives itself (claims/ClaimsMapping: a stored claim of the type would override the
     * user's property, say email_verified of an unconfirmed email) or that speak for a sign-in here (role, amr, acr,
     * auth_time) or for the token itself: a source's claims of these types are not copied. Compared ignoring case.
     */
    static final Set<String> DERIVED_CLAIMS = Set.of(
            "sub",
            "email",
            "email_verified",
            "phone_number",
            "phone_number_verified",
            "name",
            "given_name",
            "family_name",
            "preferred_username",
            "role",
            "amr",
            "acr",
            "auth_time",
            "iss",
            "aud",
            "azp",
            "exp",
            "iat",
            "nbf",
            "jti",
            "nonce",
            "sid",
            "at_hash",
            "c_hash",
            "scope",
            "client_id",
            "updated_at");

    private final ImportedUsers users;

    private final ImportedTwoFactor twoFactor;

    private final UserTokenRepository tokens;

    private final ImportedRows records;

    private final UserRowCheck check;

    private final EntityManager entityManager;

    UserImport(
            ImportedUsers users,
            ImportedTwoFactor twoFactor,
            UserTokenRepository tokens,
            ImportedRows records,
            UserRowCheck check,
            EntityManager entityManager) {
        this.users = users;
        this.twoFactor = twoFactor;
        this.tokens = tokens;
        this.records = records;
        this.check = check;
        this.entityManager = entityManager;
    }

    List<RowOutcome> importUser(User source, UserData data, UserMapping mapping, Map<String, String> roleIds) {
        String row = "user " + source.id() + (source.userName() == null ? "" : " (" + source.userName() + ")");
        String problem = check.problem(source, data);
        if (problem != null) {
            return List.of(RowOutcome.failed(row, problem));
        }
        // the source's stamp and everything read: a change the stamp does not show (a claim changed by SQL) counts
        String digest =
                ImportedRows.digest(source.concurrencyStamp() + " " + AspNetIdentityImporter.digest(source, data));
        Optional<ApplicationUser> here = users.findById(source.id());
        Decision decision = ImportedRows.decide(records.find(KIND, source.id()), digest, stateHere(source.id()));
        switch (decision) {
            case UNCHANGED -> {
                return List.of(RowOutcome.skipped(row, "unchanged"));
            }
            case CHANGED_HERE -> {
                return List.of(RowOutcome.skipped(row, "changed here since the last import: left as it is here"));
            }
            case DELETED_HERE -> {
                return List.of(RowOutcome.skipped(row, "deleted here since the last import: left deleted"));
            }
            case NEW -> {
                if (here.isPresent()) {
                    return List.of(RowOutcome.failed(row, "a user with this id exists here and was not imported"));
                }
            }
            case UPDATE -> {}
        }
        // every check that can fail the row comes before the user here is touched: a managed user changed and then
        // left would be written with the batch
        Optional<ApplicationUser> other =
                users.findOtherWithNameOrEmail(source.id(), source.userName(), source.email());
        if (other.isPresent()) {
            return List.of(RowOutcome.failed(
                    row, "user '" + other.get().getUserName() + "' here (another id) has the same user name or email"));
        }
        List<UserLogin> logins = new ArrayList<>();
        for (Login login : data.logins()) {
            String provider = mapping.provider(login.loginProvider());
            Optional<String> owner = users.findLoginOwner(provider, login.providerKey());
            if (owner.isPresent() && !owner.get().equals(source.id())) {
                return List.of(
                        RowOutcome.failed(row, "external login " + provider + " is linked to another user here"));
            }
            logins.add(new UserLogin(provider, login.providerKey(), login.providerDisplayName(), source.id()));
        }
        List<RowOutcome> outcomes = new ArrayList<>();
        ApplicationUser user = here.orElseGet(() -> users.newUser(source.id()));
        String unfit = copyProperties(source, data, mapping, user);
        if (unfit != null) {
            entityManager.detach(user);
            return List.of(RowOutcome.failed(row, unfit));
        }
        Optional<String> key = token(data, "AuthenticatorKey").map(AspNetIdentityImporter::normalizeKey);
        if (source.twoFactorEnabled() && key.isEmpty()) {
            user.setTwoFactorEnabled(false);
            outcomes.add(RowOutcome.warning(
                    row,
                    "two-factor sign-in was on without an authenticator key (email or SMS codes are not"
                            + " carried over): it is off here"));
        }
        List<String> derived = data.claims().stream()
                .map(AspNetRows.Claim::type)
                .filter(UserImport::isDerivedClaim)
                .distinct()
                .sorted()
                .toList();
        if (!derived.isEmpty()) {
            outcomes.add(RowOutcome.warning(
                    row,
                    "claims " + String.join(", ", derived)
                            + " are this server's own (it derives them itself) and are not copied"));
        }
        long serverTokens = data.tokens().stream()
                .filter(token -> UserToken.SERVER_PROVIDER.equals(token.loginProvider()))
                .count();
        if (serverTokens > 0) {
            outcomes.add(RowOutcome.warning(
                    row,
                    serverTokens + " token(s) of provider " + UserToken.SERVER_PROVIDER
                            + " are this server's own and are not copied"));
        }
        ApplicationUser saved = users.save(
                user,
                new ImportedUsers.Credentials(
                        source.passwordHash() == null ? null : AspNetPasswordHashes.PREFIX + source.passwordHash(),
                        source.securityStamp(),
                        source.lockoutEnd(),
                        source.accessFailedCount(),
                        here.isPresent() && !key.equals(twoFactor.authenticatorKey(source.id()))),
                data.roleIds().stream()
                        .map(roleIds::get)
                        .filter(Objects::nonNull)
                        .toList(),
                data.claims().stream()
                        .filter(claim -> claim.type() != null && !isDerivedClaim(claim.type()))
                        .map(claim -> new ImportedUsers.Claim(claim.type(), claim.value()))
                        .toList(),
                logins);
        writeTokens(saved.getId(), data, key, decision == Decision.UPDATE);
        records.record(
                KIND,
                source.id(),
                new ImportedRows.Record(
                        saved.getId(), digest, stateHere(saved.getId()).orElseThrow()));
        // written: let go of its entities, or every flush of the batch would check all the batch's users again
        entityManager.clear();
        outcomes.add(decision == Decision.UPDATE ? RowOutcome.updated(row) : RowOutcome.imported(row));
        return outcomes;
    }

    /** What "changed here" compares: the user's version and what hangs off them (see ImportedUsers#stateHere). */
    private Optional<String> stateHere(String userId) {
        return users.stateHere(userId, token -> !ImportedTwoFactor.isReplayGuard(token));
    }

    /** The standard columns with their meaning here, then the mapped ones; why a value does not fit, or null. */
    private static String copyProperties(User source, UserData data, UserMapping mapping, ApplicationUser user) {
        user.setUserName(source.userName());
        user.setEmail(source.email());
        user.setEmailConfirmed(source.emailConfirmed());
        user.setPhoneNumber(source.phoneNumber());
        user.setPhoneNumberConfirmed(source.phoneNumberConfirmed());
        user.setTwoFactorEnabled(source.twoFactorEnabled());
        user.setLockoutEnabled(source.lockoutEnabled());
        return mapping.apply(user, source.mapped());
    }

    /**
     * The authenticator key sealed and the recovery codes hashed, as this server keeps its own; every other token
     * as it is, but for those of this server's own provider (reset links, keys: see importUser). An update replaces the tokens the user had here (the user did not change anything here since).
     */
    private void writeTokens(String userId, UserData data, Optional<String> key, boolean replace) {
        if (replace) {
            // removed one by one, not in a batch: a batch delete leaves the rows in the persistence context, and
            // storing a token of the same key again would then update a row that is gone
            tokens.deleteAll(tokens.findByUserId(userId));
            tokens.flush();
        }
        key.ifPresent(value -> twoFactor.setAuthenticatorKey(userId, value));
        token(data, "RecoveryCodes")
                .map(AspNetIdentityImporter::recoveryCodes)
                .filter(codes -> !codes.isEmpty())
                .ifPresent(codes -> twoFactor.setRecoveryCodes(userId, codes));
        for (Token token : data.tokens()) {
            if (!isTwoFactorToken(token) && !UserToken.SERVER_PROVIDER.equals(token.loginProvider())) {
                tokens.save(new UserToken(userId, token.loginProvider(), token.name(), token.value()));
            }
        }
        tokens.flush();
    }

    private static Optional<String> token(UserData data, String name) {
        return data.tokens().stream()
                .filter(token -> DOTNET_STORE.equals(token.loginProvider()) && name.equals(token.name()))
                .map(Token::value)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    static boolean isDerivedClaim(String type) {
        return type != null && DERIVED_CLAIMS.contains(type.toLowerCase(Locale.ROOT));
    }

    static boolean isTwoFactorToken(Token token) {
        return DOTNET_STORE.equals(token.loginProvider())
                && Arrays.asList("AuthenticatorKey", "RecoveryCodes").contains(token.name());
    }
}
