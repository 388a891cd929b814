/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document, as the MCP authorization specification
 * asks): a {@code client_id} that is an https URL names a JSON document describing a public client, which this server
 * fetches ({@link DocumentFetcher}: no redirects, no special-use addresses, time and size limits), checks
 * ({@link MetadataDocument}) and serves as a client ({@link MetadataDocumentClients}).
 */
package com.example.authserver.metadatadocuments;
