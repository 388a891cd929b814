package com.example.authserver.sessions;

import java.util.List;

/**
 * Published when a session of a user ends (signed out from a page or by a client, signed out from the sessions page,
 * ended by a change of credentials elsewhere, or the account deleted), with the clients that were authorized in it
 * (registered client ids) and the issuer the user saw: back-channel logout tells those clients.
 */
public record SessionEnded(String sid, String userId, List<String> registeredClientIds, String issuer) {}
