package com.example.authserver.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of a user, as Spring Session keeps them (indexed by principal name, the user id), with what
 * {@link SessionDetails} noted and the clients of {@link SessionClients}; and signing them out. A session is named on
 * the page by a hash of its id ({@code ref}): the id itself is the session cookie's value and is never shown.
 */
@Component
public class UserSessions {

    /** One session as the page shows it. */
    public record Shown(
            String ref,
            String device,
            String address,
            Instant signedInAt,
            Instant lastSeen,
            List<String> clients,
            boolean current) {

        private static final DateTimeFormatter SHOWN =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        public String signedIn() {
            return SHOWN.format(signedInAt);
        }

        public String seen() {
            return SHOWN.format(lastSeen);
        }
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    private final SessionClients sessionClients;

    private final SessionEnds sessionEnds;

    private final RegisteredClientRepository clients;

    UserSessions(
            FindByIndexNameSessionRepository<? extends Session> sessions,
            SessionClients sessionClients,
            SessionEnds sessionEnds,
            RegisteredClientRepository clients) {
        this.sessions = sessions;
        this.sessionClients = sessionClients;
        this.sessionEnds = sessionEnds;
        this.clients = clients;
    }

    public List<Shown> of(String userId, HttpServletRequest request) {
        String current = currentId(request);
        return sessionsOf(userId).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> shown(session, session.getId().equals(current)))
                .sorted(Comparator.comparing(Shown::current)
                        .reversed()
                        .thenComparing(Shown::lastSeen, Comparator.reverseOrder()))
                .toList();
    }

    /** Signs out the user's session named {@code ref}; false if the user has no such session. */
    public boolean end(String userId, String ref, HttpServletRequest request) {
        String current = currentId(request);
        return sessionsOf(userId).values().stream()
                .filter(session -> SessionSid.hash(session.getId()).equals(ref)
                        && !session.getId().equals(current))
                .findFirst()
                .map(session -> {
                    end(userId, session, request);
                    return true;
                })
                .orElse(false);
    }

    /**
     * Signs out every session of the user, this request's too (an administrator disabling or deleting them): their
     * clients hear of it by back-channel logout, and the grants issued in those sessions are revoked.
     */
    public void endAll(String userId, HttpServletRequest request) {
        sessionsOf(userId).values().forEach(session -> end(userId, session, request));
        sessionEnds.endedEverywhere(userId, request);
    }

    /** Signs out every session of the user but this one. */
    void endOthers(String userId, HttpServletRequest request) {
        String current = currentId(request);
        sessionsOf(userId).values().stream()
                .filter(session -> !session.getId().equals(current))
                .forEach(session -> end(userId, session, request));
    }

    private void end(String userId, Session session, HttpServletRequest request) {
        String sid = session.getAttribute(sidAttribute());
        if (sid != null) {
            sessionEnds.endedWithGrants(sid, userId, request);
        }
        sessions.deleteById(session.getId());
    }

    private Map<String, ? extends Session> sessionsOf(String userId) {
        return sessions.findByPrincipalName(userId);
    }

    private Shown shown(Session session, boolean current) {
        String sid = session.getAttribute(sidAttribute());
        List<String> clientNames = sid == null
                ? List.of()
                : sessionClients.of(sid).stream()
                        .map(SessionClients.SessionClient::registeredClientId)
                        .distinct()
                        .map(clients::findById)
                        .filter(Objects::nonNull)
                        .map(RegisteredClient::getClientName)
                        .toList();
        Long signedInAt = session.getAttribute(SessionDetails.SIGNED_IN_AT);
        return new Shown(
                SessionSid.hash(session.getId()),
                session.getAttribute(SessionDetails.DEVICE),
                session.getAttribute(SessionDetails.ADDRESS),
                signedInAt == null ? session.getCreationTime() : Instant.ofEpochMilli(signedInAt),
                session.getLastAccessedTime(),
                clientNames,
                current);
    }

    private static String sidAttribute() {
        return SessionSid.ATTRIBUTE;
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
