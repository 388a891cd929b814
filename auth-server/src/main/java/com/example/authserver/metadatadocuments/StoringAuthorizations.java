package com.example.authserver.metadatadocuments;

import com.example.authserver.authorization.ForwardingAuthorizationService;
import java.util.function.Supplier;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/** The authorization store, storing the client of a document before the first authorization that refers to it. */
final class StoringAuthorizations extends ForwardingAuthorizationService {

    private final Supplier<MetadataDocumentClients> clients;

    StoringAuthorizations(OAuth2AuthorizationService authorizations, Supplier<MetadataDocumentClients> clients) {
        super(authorizations);
        this.clients = clients;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        MetadataDocumentClients documentClients = clients.get();
        if (documentClients != null) {
            documentClients.store(authorization.getRegisteredClientId());
        }
        super.save(authorization);
    }
}
