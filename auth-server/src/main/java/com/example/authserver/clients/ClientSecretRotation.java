package com.example.authserver.clients;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client secrets made by this server, and their rotation with an overlap: the hash of the secret a rotation replaces
 * is kept in {@code client_secret_overlap} ({@code db/migration/<vendor>/protocol/V1_13}) until a time the
 * administrator chose, and the token endpoint accepts it until then ({@code security/PreviousSecretAuthentication}),
 * so the client's operators can deploy the new secret without downtime. One previous secret per client: rotating
 * again ends the overlap of the one before.
 */
@Component
public class ClientSecretRotation {

    /** 32 random bytes: 256 bits, as strong as the SHA-256 the secret is stored with ({@link ClientSecretHashing}). */
    private static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository clients;

    private final ClientSecretHashing hashing;

    private final JdbcClient jdbc;

    private final Clock clock;

    ClientSecretRotation(
            RegisteredClientRepository clients, ClientSecretHashing hashing, JdbcClient jdbc, Clock clock) {
        this.clients = clients;
        this.hashing = hashing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new client secret: 256 random bits, URL-safe Base64 without padding (43 characters). */
    public static String generate() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * Gives the client a new generated secret and returns it (the only time it is seen: only its hash is stored). The
     * secret it had keeps working until {@code overlapEnd}; an overlap end not after now ends the old secret at once.
     */
    @Transactional
    public String rotate(RegisteredClient client, Instant overlapEnd) {
        String secret = generate();
        forget(client.getId());
        if (client.getClientSecret() != null && overlapEnd.isAfter(clock.instant())) {
            jdbc.sql("insert into client_secret_overlap (registered_client_id, secret_hash, expires_at)"
                            + " values (?, ?, ?)")
                    .params(client.getId(), client.getClientSecret(), Timestamp.from(overlapEnd))
                    .update();
        }
        // saving through the cached repository forgets the cached client at once (CachedRegisteredClients)
        clients.save(RegisteredClient.from(client)
                .clientSecret(hashing.encode(secret))
                .build());
        return secret;
    }

    /** The hash of the client's previous secret while its overlap lasts. */
    public Optional<String> previousSecretHash(String registeredClientId) {
        return jdbc.sql(
                        "select secret_hash from client_secret_overlap where registered_client_id = ? and expires_at > ?")
                .params(registeredClientId, Timestamp.from(clock.instant()))
                .query(String.class)
                .optional();
    }

    /** When the client's previous secret stops working, if it still works. */
    public Optional<Instant> overlapEnd(String registeredClientId) {
        return jdbc.sql(
                        "select expires_at from client_secret_overlap where registered_client_id = ? and expires_at > ?")
                .params(registeredClientId, Timestamp.from(clock.instant()))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Ends the overlap now: only the current secret works. */
    public void forget(String registeredClientId) {
        jdbc.sql("delete from client_secret_overlap where registered_client_id = ?")
                .param(registeredClientId)
                .update();
    }
}
