package com.example.authserver.sessions;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.security.OtherSessionsEnded;
import com.example.authserver.system.IssuerProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of the server that sessions end ({@link SessionEnded}), once per session: the rows of
 * {@link SessionClients} are read and forgotten. Called from every place where a session ends: the sign-out page and
 * RP-initiated logout ({@link SessionLogoutHandler}), the sessions page, a change of credentials that ends the user's
 * other sessions, the deletion of the account.
 */
@Component
public class SessionEnds {

    private final SessionClients sessionClients;

    private final ApplicationEventPublisher events;

    private final IssuerProperties issuer;

    private final OAuth2AuthorizationService authorizations;

    private final AuditTrail audit;

    SessionEnds(
            SessionClients sessionClients,
            ApplicationEventPublisher events,
            IssuerProperties issuer,
            OAuth2AuthorizationService authorizations,
            AuditTrail audit) {
        this.audit = audit;
        this.authorizations = authorizations;
        this.sessionClients = sessionClients;
        this.events = events;
        this.issuer = issuer;
    }

    /** The session of this request ends (its user signs out). */
    public void ending(HttpServletRequest request, String userId) {
        HttpSession session = request.getSession(false);
        SessionSid.of(session).ifPresent(sid -> ended(sid, userId, request));
    }

    /** Every session of the user in which a client was authorized ends (the account is deleted, say). */
    public void endedEverywhere(String userId, HttpServletRequest request) {
        sessionClients.sidsOf(userId).forEach(sid -> ended(sid, userId, request));
    }

    /** The user's sessions but the one of this request end (credentials changed here). */
    @EventListener
    void endedElsewhere(OtherSessionsEnded ended) {
        endedElsewhere(ended.userId(), ended.request());
    }

    void endedElsewhere(String userId, HttpServletRequest request) {
        String kept = SessionSid.of(request.getSession(false)).orElse(null);
        sessionClients.sidsOf(userId).stream()
                .filter(sid -> !sid.equals(kept))
                .forEach(sid -> ended(sid, userId, request));
    }

    /**
     * A session is signed out from the sessions page: the grants issued in it are revoked (its clients' refresh
     * tokens stop working), then it ends as any other.
     */
    void endedWithGrants(String sid, String userId, HttpServletRequest request) {
        for (SessionClients.SessionClient client : sessionClients.of(sid)) {
            OAuth2Authorization authorization = authorizations.findById(client.authorizationId());
            if (authorization != null && authorization.getPrincipalName().equals(userId)) {
                authorizations.remove(authorization);
            }
        }
        ended(sid, userId, request);
    }

    void ended(String sid, String userId, HttpServletRequest request) {
        List<String> clients = sessionClients.of(sid).stream()
                .map(SessionClients.SessionClient::registeredClientId)
                .distinct()
                .toList();
        sessionClients.forget(sid);
        events.publishEvent(new SessionEnded(sid, userId, clients, issuer(request)));
        boolean own =
                SessionSid.of(request.getSession(false)).filter(sid::equals).isPresent();
        audit.record(AuditEvent.of(own ? AuditEventType.SIGNED_OUT : AuditEventType.SESSION_ENDED)
                .user(userId, null)
                .detail(clients.isEmpty() ? null : clients.size() + " application(s) told"));
    }

    /** As the framework resolves it: the configured issuer, else the URL the request came to, without its path. */
    private String issuer(HttpServletRequest request) {
        if (issuer.getIssuer() != null && !issuer.getIssuer().isBlank()) {
            return issuer.getIssuer();
        }
        return UrlUtils.buildFullRequestUrl(
                request.getScheme(), request.getServerName(), request.getServerPort(), request.getContextPath(), null);
    }
}
