/**
 * DPoP (RFC 9449): proofs checked once across instances, server-provided nonces, clients that must use DPoP, and
 * refresh tokens of public clients bound to the proof key. The framework binds access tokens ({@code cnf.jkt}) and
 * checks proofs; {@link DPoPProtocol} adds the rest to the protocol chain.
 */
package com.example.authserver.dpop;
