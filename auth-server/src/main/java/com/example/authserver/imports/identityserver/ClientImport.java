package com.example.authserver.imports.identityserver;

import com.example.authserver.clients.ImportedClients;
import com.example.authserver.imports.ImportReport;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.ImportedRows.Decision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Writes the mapped clients, by client id: new ones are registered; one imported before is updated when it changed
 * in the source, and left as it is when it was changed or deleted here since. A client id this server already uses
 * for a client it did not import (a development, configured or self-registered client) is a failed row, never an
 * overwrite.
 */
final class ClientImport {

    static final String KIND = "identityserver-client";

    private final RegisteredClientRepository clients;

    private final ImportedRows imported;

    private final ClientMapping mapping;

    private final Set<String> written = new HashSet<>();

    ClientImport(RegisteredClientRepository clients, ImportedRows imported, ClientMapping mapping) {
        this.clients = clients;
        this.imported = imported;
        this.mapping = mapping;
    }

    void run(List<IdentityServerData.Client> sources, ImportReport report) {
        for (IdentityServerData.Client source : sources) {
            String row = "client " + source.clientId();
            if (source.clientId() == null) {
                report.failed("client without ClientId", "ClientId is empty");
                continue;
            }
            try {
                importOne(source, row, report);
            } catch (IllegalArgumentException ex) {
                report.failed(row, ex.getMessage());
            }
        }
    }

    private void importOne(IdentityServerData.Client source, String row, ImportReport report) {
        if (!source.row().bool("Enabled", true)) {
            report.skipped(
                    row,
                    "disabled in IdentityServer, so not imported (clients here cannot be disabled;"
                            + " enable it there and run the import again to bring it over)");
            return;
        }
        List<String> warnings = new ArrayList<>();
        RegisteredClient mapped;
        try {
            mapped = mapping.map(source, warnings);
        } finally {
            warnings.forEach(warning -> report.warning(row, warning));
        }
        String sourceDigest = ImportedRows.digest(Canonical.of(mapped));
        Optional<ImportedRows.Record> earlier = imported.find(KIND, source.clientId());
        RegisteredClient existing = clients.findByClientId(source.clientId());
        Decision decision = ImportedRows.decide(
                earlier,
                sourceDigest,
                Optional.ofNullable(existing).map(client -> ImportedRows.digest(Canonical.of(client))));
        if (decision == Decision.NEW) {
            if (existing != null) {
                report.failed(
                        row,
                        "the client id is already used here by a client that was not imported"
                                + (ImportedClients.importedFrom(existing) == null
                                        ? " (a development, configured or registered client)"
                                        : " (from " + ImportedClients.importedFrom(existing) + ")")
                                + ", which is left as it is");
                return;
            }
            save(mapped, sourceDigest, report);
            report.imported();
        } else if (decision != Decision.UPDATE) {
            report.skipped(row, SkipReasons.of(decision));
        } else {
            save(
                    RegisteredClient.from(mapped)
                            .id(existing.getId())
                            .clientIdIssuedAt(existing.getClientIdIssuedAt())
                            .build(),
                    sourceDigest,
                    report);
            report.updated();
        }
    }

    /** The client ids this run imported or updated (or, in a dry run, would have). */
    Set<String> written() {
        return Set.copyOf(written);
    }

    private void save(RegisteredClient client, String sourceDigest, ImportReport report) {
        written.add(client.getClientId());
        if (report.dryRun()) {
            return;
        }
        try {
            clients.save(client);
        } catch (IllegalArgumentException duplicate) {
            // the client store refuses two clients with the same secret (its uniqueness check), not only same ids
            written.remove(client.getClientId());
            throw new IllegalArgumentException("this server's client store refused it: " + duplicate.getMessage()
                    + " (another client here has the same secret; IdentityServer allowed that, this server"
                    + " does not: give one of them a new secret)");
        }
        RegisteredClient stored = clients.findByClientId(client.getClientId());
        imported.record(
                KIND,
                client.getClientId(),
                new ImportedRows.Record(stored.getId(), sourceDigest, ImportedRows.digest(Canonical.of(stored))));
    }
}
