package com.example.authserver.metadatadocuments;

import java.util.function.Supplier;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/** The authorization store, storing the client of a document before the first authorization that refers to it. */
final class StoringAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService authorizations;

    private final Supplier<MetadataDocumentClients> clients;

    StoringAuthorizations(OAuth2AuthorizationService authorizations, Supplier<MetadataDocumentClients> clients) {
        this.authorizations = authorizations;
        this.clients = clients;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        MetadataDocumentClients documentClients = clients.get();
        if (documentClients != null) {
            documentClients.store(authorization.getRegisteredClientId());
        }
        authorizations.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return authorizations.findByToken(token, tokenType);
    }
}
