package ${package}.external;

import java.io.Serial;
import java.io.Serializable;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;

/**
 * A signed-in user's request to link a provider's account, kept in the HTTP session while the browser is at
 * the provider. Signing in there replaces the session's user; {@code signedIn} is put back afterwards.
 */
record LinkRequest(String provider, Authentication signedIn) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String SESSION_ATTRIBUTE = LinkRequest.class.getName();

    void keepIn(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** Removes the request from the session and returns it; null if there is none. */
    static LinkRequest takeFrom(HttpSession session) {
        if (session == null) {
            return null;
        }
        LinkRequest request = (LinkRequest) session.getAttribute(SESSION_ATTRIBUTE);
        session.removeAttribute(SESSION_ATTRIBUTE);
        return request;
    }
}
