package com.example.authserver.clients;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The client setting that marks a client brought over by an import ({@code imports/}): it names the source, for
 * example {@code identityserver}. The start-up seeding never overwrites such a client, even when a configured or
 * development client has the same client id.
 */
public final class ImportedClients {

    public static final String IMPORTED_FROM = "settings.client.imported-from";

    private ImportedClients() {}

    /** The import the client came from; null for a client registered here. */
    public static String importedFrom(RegisteredClient client) {
        return client.getClientSettings().getSetting(IMPORTED_FROM) instanceof String source ? source : null;
    }
}
