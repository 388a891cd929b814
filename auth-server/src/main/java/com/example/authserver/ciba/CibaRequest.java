package com.example.authserver.ciba;

import java.time.Instant;
import java.util.Set;

/**
 * One backchannel authentication request, as {@link CibaRequests} keeps it: which client asks which user for which
 * scopes, the binding message both see, and where it stands. The {@code auth_req_id} itself is not here: only its
 * hash is stored.
 */
record CibaRequest(
        String id,
        String registeredClientId,
        String userId,
        Set<String> scopes,
        String bindingMessage,
        Status status,
        String userStamp,
        Instant createdAt,
        Instant expiresAt,
        int intervalSeconds,
        Instant lastPolledAt) {

    /** Pending until the user decides; an approved request becomes issued when its one token response is sent. */
    enum Status {
        PENDING,
        APPROVED,
        DENIED,
        ISSUED
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
