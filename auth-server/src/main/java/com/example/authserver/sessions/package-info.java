/**
 * The user's signed-in sessions: the {@code sid} that names the session in which a client was authorized (kept in
 * the session and in the authorization, put into ID tokens), the clients each session authorized, RP-initiated logout
 * checked against that {@code sid}, and the ends of sessions that other features (back-channel logout) act on.
 */
package com.example.authserver.sessions;
