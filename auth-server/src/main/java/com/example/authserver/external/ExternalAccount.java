package com.example.authserver.external;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An account at an upstream provider, as its ID token and UserInfo describe it: the provider's id, the
 * account's key there ({@code sub}) and what may prefill a new local account. Kept in the HTTP session
 * between the provider's answer and the page where the visitor creates or links a local account.
 */
record ExternalAccount(
        String provider,
        String providerDisplayName,
        String providerKey,
        String userName,
        String email,
        boolean emailVerified,
        String givenName,
        String familyName)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String SESSION_ATTRIBUTE = ExternalAccount.class.getName();

    static ExternalAccount of(String provider, String providerDisplayName, OidcUser user) {
        String userName = user.getPreferredUsername() != null
                ? user.getPreferredUsername()
                : user.getEmail() != null
                        ? user.getEmail()
                                .substring(0, Math.max(0, user.getEmail().indexOf('@')))
                        : null;
        return new ExternalAccount(
                provider,
                providerDisplayName,
                user.getSubject(),
                userName,
                user.getEmail(),
                Boolean.TRUE.equals(user.getEmailVerified()),
                user.getGivenName(),
                user.getFamilyName());
    }

    /** Whether the provider vouches for this address: it said email_verified=true for exactly this one. */
    boolean verifies(String address) {
        return emailVerified
                && email != null
                && address != null
                && email.strip().equalsIgnoreCase(address.strip());
    }

    void keepIn(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** The account waiting to be linked or to become a new local account, or null. */
    static ExternalAccount waitingIn(HttpSession session) {
        return session == null ? null : (ExternalAccount) session.getAttribute(SESSION_ATTRIBUTE);
    }

    static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }
}
