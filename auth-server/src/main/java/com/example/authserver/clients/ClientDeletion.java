package com.example.authserver.clients;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a client and ends everything it was given: its grants (codes, access and refresh tokens, so introspection
 * and refresh fail at once) and the consents users gave it. Rows that hang off the client (its registration, its
 * secret overlap) go with it through their foreign keys. Used by the registration management API
 * ({@code registration/}) and the admin console ({@code admin/clients}).
 */
@Component
public class ClientDeletion {

    private final RegisteredClientRepository clients;

    private final ClientSecretHashing hashing;

    private final JdbcClient jdbc;

    ClientDeletion(RegisteredClientRepository clients, ClientSecretHashing hashing, JdbcClient jdbc) {
        this.clients = clients;
        this.hashing = hashing;
        this.jdbc = jdbc;
    }

    /**
     * It is first saved without any way to authenticate: saving is what empties the client cache
     * ({@link CachedRegisteredClients}), so this instance forgets it at once; other instances forget it within their
     * cache's time to live, and until then it can do nothing.
     */
    @Transactional
    public void delete(RegisteredClient client) {
        clients.save(RegisteredClient.from(client)
                .clientSecret(hashing.encode(ClientSecretRotation.generate()))
                .clientAuthenticationMethods(methods -> {
                    methods.clear();
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                })
                .authorizationGrantTypes(grants -> {
                    grants.clear();
                    grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                })
                .redirectUris(uris -> uris.clear())
                .postLogoutRedirectUris(uris -> uris.clear())
                .scopes(scopes -> scopes.clear())
                .build());
        jdbc.sql("delete from oauth2_authorization where registered_client_id = ?")
                .param(client.getId())
                .update();
        jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?")
                .param(client.getId())
                .update();
        jdbc.sql("delete from oauth2_registered_client where id = ?")
                .param(client.getId())
                .update();
    }
}
