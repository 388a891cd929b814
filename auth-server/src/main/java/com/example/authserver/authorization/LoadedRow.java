package com.example.authserver.authorization;

import java.io.Serializable;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * What an authorization was read with: its row's version and the hashes of the tokens it held. It travels with the
 * authorization as an attribute (never stored), so that saving it back can check that nobody changed or removed the
 * row in between: a refresh that read the grant before the user revoked it must not bring it back.
 */
record LoadedRow(long version, Set<String> tokenHashes) implements Serializable {

    static final String ATTRIBUTE = LoadedRow.class.getName();

    /** The {@code invalid_grant} description of a save that lost to a concurrent change of the same grant. */
    static final String CHANGED_MEANWHILE = "The grant was changed or revoked by another request.";

    static LoadedRow of(OAuth2Authorization authorization) {
        return authorization.getAttribute(ATTRIBUTE);
    }

    /**
     * Whether saving the authorization would hand out a valid token that the row did not hold when it was read (a
     * refresh, a code exchange), as opposed to only invalidating tokens (a revocation, a used code).
     */
    static boolean issuesTokens(OAuth2Authorization authorization, LoadedRow loaded, TokenDigests digests) {
        for (TokenKind kind : TokenKind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            if (token != null
                    && !token.isInvalidated()
                    && (loaded == null
                            || !loaded.tokenHashes()
                                    .contains(digests.hashToStore(
                                            kind, token.getToken().getTokenValue())))) {
                return true;
            }
        }
        return false;
    }
}
