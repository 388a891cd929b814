package com.example.authserver.imports.identityserver;

import java.util.List;

/**
 * What an import reads from IdentityServer, whether from its databases ({@link DatabaseSource}) or from a JSON export
 * ({@link JsonExportSource}): the configuration store's clients and resources and the operational store's persisted
 * grants, as IdentityServer's Entity Framework entities name their fields.
 */
record IdentityServerData(
        List<Client> clients,
        List<SourceRow> apiScopes,
        List<ApiResource> apiResources,
        List<SourceRow> identityResources,
        List<SourceRow> persistedGrants) {

    /** A {@code Clients} row and the rows of its child tables. */
    record Client(
            SourceRow row,
            List<SourceRow> secrets,
            List<String> grantTypes,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            List<String> scopes,
            List<String> corsOrigins) {

        String clientId() {
            return row.string("ClientId");
        }
    }

    /** An {@code ApiResources} row and its scopes ({@code ApiResourceScopes}). */
    record ApiResource(SourceRow row, List<String> scopes) {}
}
