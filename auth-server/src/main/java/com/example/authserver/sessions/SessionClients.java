package com.example.authserver.sessions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which clients were authorized in which session (table {@code session_clients}): one row per authorization, written
 * at the authorization endpoint. Back-channel logout reads it to know whom to tell when a session ends, the sessions
 * page to show each session's clients and to revoke its grants.
 */
@Component
public class SessionClients {

    /** A client authorized in a session: the registered client's id (not its client id) and the authorization. */
    public record SessionClient(String registeredClientId, String authorizationId) {}

    private final JdbcClient jdbc;

    private final Clock clock;

    SessionClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String sid, String authorizationId, String registeredClientId, String userId) {
        try {
            jdbc.sql("insert into session_clients (sid, authorization_id, registered_client_id, principal_name,"
                            + " created_at) values (?, ?, ?, ?, ?)")
                    .params(sid, authorizationId, registeredClientId, userId, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same authorization again (consent after the code request): one row is enough
        }
    }

    /** The clients authorized in the session named {@code sid}, one row per authorization. */
    public List<SessionClient> of(String sid) {
        return jdbc.sql("select registered_client_id, authorization_id from session_clients where sid = ?"
                        + " order by created_at")
                .param(sid)
                .query((row, number) -> new SessionClient(row.getString(1), row.getString(2)))
                .list();
    }

    /** The sids of the user's sessions in which a client was authorized. */
    List<String> sidsOf(String userId) {
        return jdbc.sql("select distinct sid from session_clients where principal_name = ?")
                .param(userId)
                .query(String.class)
                .list();
    }

    void forget(String sid) {
        jdbc.sql("delete from session_clients where sid = ?").param(sid).update();
    }
}
