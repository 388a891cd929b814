package com.example.authserver.account;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.Sha256;
import com.example.authserver.identity.UserManager;
import com.example.authserver.identity.UserToken;
import com.example.authserver.identity.UserTokenRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tokens in email links. A token is {@code <user id>.<32 random bytes, base64url>}; the database keeps
 * only its SHA-256 hash, in {@code user_tokens} (one row per user and purpose, so a new link ends the
 * previous one), with its expiry and what it is bound to: the email address for a confirmation, the
 * security stamp for a password reset and an email change (a password change or reset renews the stamp
 * and so ends every such link); an email change link also carries the new address. Using a token deletes its row: a link works once. Nothing to configure, no server key,
 * and several instances share the tokens through the database.
 */
@Component
public class AccountTokens {

    private static final int SECRET_BYTES = 32;

    private static final int MAX_TOKEN_LENGTH = 128;

    /** What a token is for: its row name, its lifetime and what it is bound to. */
    public enum Purpose {
        EMAIL_CONFIRMATION(
                "EmailConfirmation",
                AccountProperties::getConfirmationLinkLifetime,
                user -> Objects.toString(user.getNormalizedEmail(), "")),
        PASSWORD_RESET("PasswordReset", AccountProperties::getResetLinkLifetime, ApplicationUser::getSecurityStamp),
        /** Carries the new address; dies when the stamp changes (password, email, two-factor changed). */
        EMAIL_CHANGE("EmailChange", AccountProperties::getConfirmationLinkLifetime, ApplicationUser::getSecurityStamp);

        final String tokenName;

        final Function<AccountProperties, Duration> lifetime;

        final Function<ApplicationUser, String> binding;

        Purpose(
                String tokenName,
                Function<AccountProperties, Duration> lifetime,
                Function<ApplicationUser, String> binding) {
            this.tokenName = tokenName;
            this.lifetime = lifetime;
            this.binding = binding;
        }
    }

    private record Valid(UserToken row, ApplicationUser user, String payload) {}

    /** A used token: whose it was, and what it carried (see {@link #issue(ApplicationUser, Purpose, String)}). */
    public record Redeemed(ApplicationUser user, String payload) {}

    private final UserTokenRepository tokens;

    private final UserManager userManager;

    private final AccountProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    AccountTokens(UserTokenRepository tokens, UserManager userManager, AccountProperties properties, Clock clock) {
        this.tokens = tokens;
        this.userManager = userManager;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new token for the user; the user's previous token for this purpose stops working. */
    @Transactional
    String issue(ApplicationUser user, Purpose purpose) {
        return issue(user, purpose, null);
    }

    /** As {@link #issue(ApplicationUser, Purpose)}, the token carrying a value (a new email address) to its use. */
    @Transactional
    String issue(ApplicationUser user, Purpose purpose, String payload) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(purpose.lifetime.apply(properties));
        String stored = Sha256.base64Url(secret) + "|" + expires.getEpochSecond() + "|" + encode(payload) + "|"
                + purpose.binding.apply(user);
        tokens.save(new UserToken(user.getId(), UserToken.SERVER_PROVIDER, purpose.tokenName, stored));
        return user.getId() + "." + secret;
    }

    /** The user whose token this is, if the token still works; uses nothing up. */
    @Transactional(readOnly = true)
    public Optional<ApplicationUser> check(String token, Purpose purpose) {
        return validate(token, purpose).map(Valid::user);
    }

    /** As {@link #check}, with the value the token carries. */
    @Transactional(readOnly = true)
    public Optional<Redeemed> inspect(String token, Purpose purpose) {
        return validate(token, purpose).map(valid -> new Redeemed(valid.user(), valid.payload()));
    }

    /** As {@link #check}, and the token stops working: of concurrent uses, only one gets the user. */
    @Transactional
    public Optional<ApplicationUser> consume(String token, Purpose purpose) {
        return redeem(token, purpose).map(Redeemed::user);
    }

    /** As {@link #consume}, with the value the token carries. */
    @Transactional
    public Optional<Redeemed> redeem(String token, Purpose purpose) {
        return validate(token, purpose)
                .filter(valid -> tokens.deleteIfUnchanged(
                                valid.row().getUserId(),
                                UserToken.SERVER_PROVIDER,
                                purpose.tokenName,
                                valid.row().getValue())
                        == 1)
                .map(valid -> new Redeemed(valid.user(), valid.payload()));
    }

    private Optional<Valid> validate(String token, Purpose purpose) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String userId = token.substring(0, dot);
        String secret = token.substring(dot + 1);
        return tokens.findById(new UserToken.Key(userId, UserToken.SERVER_PROVIDER, purpose.tokenName))
                .flatMap(row -> userManager.findById(userId).flatMap(user -> matching(row, secret, user, purpose)));
    }

    /** The row as a valid token, if it holds this secret, is unexpired and bound to what the user has now. */
    private Optional<Valid> matching(UserToken row, String secret, ApplicationUser user, Purpose purpose) {
        // <hash>|<expiry, epoch seconds>|<payload, base64url>|<binding>
        String[] parts = Objects.toString(row.getValue(), "").split("\\|", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        boolean sameSecret = MessageDigest.isEqual(
                parts[0].getBytes(StandardCharsets.US_ASCII),
                Sha256.base64Url(secret).getBytes(StandardCharsets.US_ASCII));
        boolean unexpired = clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])));
        boolean bound = parts[3].equals(purpose.binding.apply(user));
        return sameSecret && unexpired && bound
                ? Optional.of(new Valid(row, user, decode(parts[2])))
                : Optional.empty();
    }

    private static String encode(String payload) {
        return payload == null
                ? ""
                : Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String encoded) {
        return encoded.isEmpty() ? null : new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
