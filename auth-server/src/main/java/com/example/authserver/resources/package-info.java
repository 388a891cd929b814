/**
 * API resources at the protocol endpoints: resource indicators (RFC 8707) on authorization and token requests, the
 * audience of access tokens ({@link ResourceTargets}), and introspection by an API with its own secret
 * ({@link ResourceIntrospection}). The resources themselves are in {@code clients/}.
 */
package com.example.authserver.resources;
