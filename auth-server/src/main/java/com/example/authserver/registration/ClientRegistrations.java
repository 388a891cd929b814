package com.example.authserver.registration;

import com.example.authserver.clients.ClientDeletion;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients that registered themselves, in {@code client_registration} beside the registered client: the hash of
 * each one's registration access token (RFC 7592), rotated at every update by a conditional update, so a token that
 * was replaced (or belongs to another client) never works again.
 */
@Component
class ClientRegistrations {

    /** One registration as stored. */
    record Registration(
            String registeredClientId, String clientId, boolean open, String initialTokenId, Instant registeredAt) {}

    private static final RowMapper<Registration> ROWS = (row, number) -> new Registration(
            row.getString("registered_client_id"),
            row.getString("client_id"),
            row.getBoolean("open_registration"),
            row.getString("initial_token_id"),
            row.getTimestamp("registered_at").toInstant());

    private static final String COLUMNS =
            "select registered_client_id, client_id, open_registration, initial_token_id, registered_at";

    private final RegisteredClientRepository clients;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ClientDeletion deletion;

    ClientRegistrations(RegisteredClientRepository clients, JdbcClient jdbc, ClientDeletion deletion, Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.deletion = deletion;
        this.clock = clock;
    }

    /** Saves the new client and its registration; returns its registration access token. */
    @Transactional
    public String add(RegisteredClient client, boolean open, String initialTokenId) {
        clients.save(client);
        String token = RegistrationTokens.generate();
        jdbc.sql("insert into client_registration (registered_client_id, client_id, access_token_hash,"
                        + " open_registration, initial_token_id, registered_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                        client.getId(),
                        client.getClientId(),
                        RegistrationTokens.sha256(token),
                        open,
                        initialTokenId,
                        Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    /** The registration of {@code clientId} if {@code token} is its registration access token now. */
    Optional<Registration> authenticate(String clientId, String token) {
        return jdbc.sql(COLUMNS + " from client_registration where client_id = ? and access_token_hash = ?")
                .params(clientId, RegistrationTokens.sha256(token))
                .query(ROWS)
                .optional();
    }

    /**
     * Saves the updated client and replaces its registration access token, if {@code token} is still the current one
     * (a racing update that replaced it first wins); returns the new token.
     */
    @Transactional
    public Optional<String> update(RegisteredClient client, String token) {
        String next = RegistrationTokens.generate();
        int replaced = jdbc.sql("update client_registration set access_token_hash = ? where registered_client_id = ?"
                        + " and access_token_hash = ?")
                .params(RegistrationTokens.sha256(next), client.getId(), RegistrationTokens.sha256(token))
                .update();
        if (replaced != 1) {
            return Optional.empty();
        }
        clients.save(client);
        return Optional.of(next);
    }

    Optional<Registration> findByClientId(String clientId) {
        return jdbc.sql(COLUMNS + " from client_registration where client_id = ?")
                .param(clientId)
                .query(ROWS)
                .optional();
    }

    /** Every registration, oldest first (at most {@code limit}). */
    List<Registration> all(int limit) {
        return jdbc.sql(COLUMNS + " from client_registration order by registered_at, client_id").query(ROWS).stream()
                .limit(limit)
                .toList();
    }

    /** Deletes the client, its grants and consents (its row here goes with the client): {@link ClientDeletion}. */
    public void delete(RegisteredClient client) {
        deletion.delete(client);
    }
}
