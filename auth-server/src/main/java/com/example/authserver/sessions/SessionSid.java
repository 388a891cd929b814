package com.example.authserver.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code sid} of a browser session: what ID tokens, logout tokens and front-channel logout requests call the
 * session. It is fixed the first time a client is authorized in the session, as the framework computes it (the
 * SHA-256 of the session id, base64url), and kept in the session: a later change of the session id (signing in again
 * in the same session) does not change it, while a different user signing in there gets a new one.
 */
public final class SessionSid {

    private static final String SID = SessionSid.class.getName() + ".SID";

    private static final String USER = SessionSid.class.getName() + ".USER";

    private SessionSid() {}

    /** The session's sid for this user, fixed now if it had none. */
    static String of(HttpSession session, String userId) {
        String sid = (String) session.getAttribute(SID);
        if (sid == null || !userId.equals(session.getAttribute(USER))) {
            sid = hash(session.getId());
            session.setAttribute(SID, sid);
            session.setAttribute(USER, userId);
        }
        return sid;
    }

    /** The session's sid, if a client was authorized in it. */
    public static Optional<String> of(HttpSession session) {
        return Optional.ofNullable(session).map(existing -> (String) existing.getAttribute(SID));
    }

    /** The sid of the session of the request being handled, if it has one. */
    public static Optional<String> ofCurrentRequest() {
        return currentRequest().map(request -> request.getSession(false)).flatMap(SessionSid::of);
    }

    static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }

    static String hash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
