package com.example.authserver.metadatadocuments;

import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The client repository the whole server uses, in front of the database's ({@code clients/CachedRegisteredClients}):
 * a {@code client_id} that is a URL is the client its document describes, fetched ({@link MetadataDocuments}), unless
 * a client was registered here under that URL (the draft's pre-registration). Clients from documents reach the
 * database only once a user's authorization refers to them ({@link StoringAuthorizations}): stored authorizations
 * find their client by id after a restart or on another instance, while a visitor who only names URLs at the
 * authorization endpoint stores nothing. The stored copy is never used to authenticate a client: the token and
 * authorization endpoints look clients up by {@code client_id}, which always reads the document.
 */
final class MetadataDocumentClients implements RegisteredClientRepository {

    private final RegisteredClientRepository database;

    private final MetadataDocuments documents;

    MetadataDocumentClients(RegisteredClientRepository database, MetadataDocuments documents) {
        this.database = database;
        this.documents = documents;
    }

    @Override
    public void save(RegisteredClient client) {
        database.save(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return database.findById(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient registered = database.findByClientId(clientId);
        if (registered != null && !MetadataDocument.describes(registered)) {
            return registered;
        }
        return ClientIdUrl.looksLikeOne(clientId) ? documents.find(clientId) : null;
    }

    /** Stores (or updates) the client of a document that an authorization is about to refer to. */
    void store(String registeredClientId) {
        RegisteredClient fetched = documents.fetched(registeredClientId);
        if (fetched == null) {
            return;
        }
        RegisteredClient stored = database.findById(registeredClientId);
        if (stored != null && sameClient(stored, fetched)) {
            return;
        }
        try {
            database.save(fetched);
        } catch (DataIntegrityViolationException storedByAnotherInstance) {
            // the other instance's copy is as good as this one
        }
    }

    private static boolean sameClient(RegisteredClient a, RegisteredClient b) {
        return a.getClientName().equals(b.getClientName())
                && a.getRedirectUris().equals(b.getRedirectUris())
                && a.getScopes().equals(b.getScopes())
                && a.getAuthorizationGrantTypes().equals(b.getAuthorizationGrantTypes())
                && Objects.equals(
                        a.getClientSettings().getSettings(),
                        b.getClientSettings().getSettings());
    }
}
