package com.example.authserver.imports.identityserver;

import com.example.authserver.clients.ClientSecretHashing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Carries a client's IdentityServer secret over as it is stored, so the client keeps its secret: IdentityServer keeps
 * {@code Sha256()} or {@code Sha512()} hashes (base64 of the digest of the UTF-8 secret), which this server checks as
 * {@code {sha256}} and {@code {sha512}} ({@link ClientSecretHashing}). The stored value is always taken as the hash:
 * IdentityServer compares hashes only, so a value that is no hash never worked there either. This server holds one
 * secret per client: the newest unexpired shared secret is kept, with its expiry; the others are reported.
 */
final class SecretSelection {

    private static final int SHA256_BYTES = 32;

    private static final int SHA512_BYTES = 64;

    private final Clock clock;

    SecretSelection(Clock clock) {
        this.clock = clock;
    }

    private record Candidate(String encoded, Instant created, Instant expires, String description) {}

    void apply(IdentityServerData.Client source, RegisteredClient.Builder client, List<String> warnings) {
        Instant now = clock.instant();
        List<Candidate> usable = new ArrayList<>();
        for (SourceRow secret : source.secrets()) {
            String type = secret.string("Type");
            String label = describe(secret);
            if (type != null && !type.equals("SharedSecret")) {
                warnings.add("secret " + label + " of type " + type + " not carried over: this server checks shared"
                        + " secrets only (register the client's certificate or keys here)");
                continue;
            }
            Instant expires = secret.instant("Expiration");
            if (expires != null && !expires.isAfter(now)) {
                warnings.add("secret " + label + " not carried over: expired " + expires);
                continue;
            }
            String encoded = encoded(secret.string("Value"));
            if (encoded == null) {
                warnings.add("secret " + label + " not carried over: not a Sha256() or Sha512() hash, which"
                        + " IdentityServer could not check either");
                continue;
            }
            usable.add(new Candidate(encoded, secret.instant("Created"), expires, label));
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no unexpired shared secret this server can check");
        }
        // the newest (by Created; without dates, the last listed) is the one clients are most likely to use
        Candidate kept = usable.stream()
                .max(Comparator.comparing(Candidate::created, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow();
        if (usable.size() > 1) {
            List<String> dropped = usable.stream()
                    .filter(candidate -> candidate != kept)
                    .map(Candidate::description)
                    .toList();
            warnings.add("one secret per client here: kept " + kept.description() + ", not carried over " + dropped);
        }
        client.clientSecret(kept.encoded())
                .clientSecretExpiresAt(kept.expires())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }

    /** The hash with this server's prefix, from the digest's length; null if it is neither. */
    private static String encoded(String value) {
        if (value == null) {
            return null;
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        return switch (digest.length) {
            case SHA256_BYTES -> ClientSecretHashing.SHA256_PREFIX + value.strip();
            case SHA512_BYTES -> ClientSecretHashing.SHA512_PREFIX + value.strip();
            default -> null;
        };
    }

    /** The secret as the report names it: its description, else its creation date; never its value. */
    private static String describe(SourceRow secret) {
        if (secret.string("Description") != null) {
            return "'" + secret.string("Description") + "'";
        }
        Instant created = secret.instant("Created");
        return created == null ? "(no description)" : "created " + created;
    }
}
