package com.example.authserver.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ServerTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of sessions that expired without a sign-out do not stay in {@code session_clients} for ever. */
@ServerTest
class SessionClientsCleanupTests {

    @Autowired
    SessionClients sessionClients;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rowsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String oldSid = UUID.randomUUID().toString();
        String newSid = UUID.randomUUID().toString();
        Instant now = Instant.now();
        insert(oldSid, now.minus(SessionClientsCleanup.RETENTION).minusSeconds(60));
        insert(newSid, now.minusSeconds(60));

        sessionClients.forgetOlderThan(now.minus(SessionClientsCleanup.RETENTION));

        assertThat(sessionClients.of(oldSid)).isEmpty();
        assertThat(sessionClients.of(newSid)).hasSize(1);
    }

    private void insert(String sid, Instant createdAt) {
        jdbc.update(
                "insert into session_clients (sid, authorization_id, registered_client_id, principal_name, created_at)"
                        + " values (?, ?, ?, ?, ?)",
                sid,
                UUID.randomUUID().toString(),
                "some-client",
                "some-user",
                Timestamp.from(createdAt));
    }
}
