package com.example.authserver.imports.identityserver;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.JdbcApiResources;
import com.example.authserver.imports.ImportFailure;
import com.example.authserver.imports.ImportReport;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.ImportedRows.Decision;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/**
 * IdentityServer's API resources as this server's ({@code clients/ApiResource}): the resource's URI is the audience
 * of its tokens and what clients name as {@code resource} (RFC 8707), so it must be an absolute URI. An IdentityServer
 * resource named by a URI keeps its name as audience; one named otherwise ({@code api1}) becomes
 * {@code <--api-uri-base>api1} when that option is given (its APIs must then accept that audience), else it is a
 * failed row and its scopes are imported without an audience. Introspection secrets are not carried over.
 */
final class ApiResourceImport {

    static final String KIND = "identityserver-api-resource";

    private final JdbcApiResources resources;

    private final ImportedRows imported;

    private final String uriBase;

    ApiResourceImport(JdbcApiResources resources, ImportedRows imported, String uriBase) {
        this.resources = resources;
        this.imported = imported;
        this.uriBase = uriBase;
    }

    void run(Iterable<IdentityServerData.ApiResource> sources, ImportReport report) {
        for (IdentityServerData.ApiResource source : sources) {
            String name = source.row().string("Name");
            String row = "API resource " + name;
            try {
                importOne(source, name, row, report);
            } catch (IllegalArgumentException ex) {
                report.failed(row, ex.getMessage());
            }
        }
    }

    private void importOne(IdentityServerData.ApiResource source, String name, String row, ImportReport report) {
        if (name == null) {
            throw new IllegalArgumentException("Name is empty");
        }
        if (!source.row().bool("Enabled", true)) {
            report.skipped(row, "disabled in IdentityServer");
            return;
        }
        String uri = uri(name);
        if (source.scopes().isEmpty()) {
            throw new IllegalArgumentException("it has no scopes, which an API resource here needs");
        }
        String displayName =
                Optional.ofNullable(source.row().string("DisplayName")).orElse(name);
        ApiResource resource = new ApiResource(
                uri,
                name,
                displayName,
                new LinkedHashSet<>(source.scopes()),
                Set.of(),
                null,
                OAuth2TokenFormat.SELF_CONTAINED);
        if (!uri.equals(name)) {
            report.warning(
                    row,
                    "imported with the URI " + uri + ": tokens for it carry aud " + uri + " instead of " + name
                            + "; the API must accept that audience");
        }
        String sourceDigest = ImportedRows.digest(canonical(resource));
        Optional<ImportedRows.Record> earlier = imported.find(KIND, name);
        Optional<ApiResource> existing = resources.findByUri(uri);
        Optional<ApiResource> sameName = resources.findByName(name);
        Decision decision = ImportedRows.decide(
                earlier, sourceDigest, existing.map(stored -> ImportedRows.digest(canonical(stored))));
        if (decision == Decision.NEW) {
            if (existing.isPresent() || sameName.isPresent()) {
                report.failed(
                        row,
                        "an API resource with the URI " + uri + " or the name " + name
                                + " exists here already and was not imported; it is left as it is");
                return;
            }
            save(resource, sourceDigest, report);
            report.imported();
        } else if (decision != Decision.UPDATE) {
            report.skipped(row, SkipReasons.of(decision));
        } else {
            save(resource, sourceDigest, report);
            report.updated();
        }
    }

    private String uri(String name) {
        if (ClientMapping.absolute(name) != null) {
            return name;
        }
        if (uriBase == null) {
            throw new IllegalArgumentException("its name is not an absolute URI, which this server needs as the"
                    + " audience: run again with --api-uri-base=https://... or register it under"
                    + " authforge.clients.resources; its scopes are carried over without an audience");
        }
        return uriBase + name;
    }

    private void save(ApiResource resource, String sourceDigest, ImportReport report) {
        if (report.dryRun()) {
            return;
        }
        resources.save(resource);
        ApiResource stored = resources.findByUri(resource.uri()).orElseThrow();
        imported.record(
                KIND,
                resource.name(),
                new ImportedRows.Record(stored.uri(), sourceDigest, ImportedRows.digest(canonical(stored))));
    }

    private static String canonical(ApiResource resource) {
        return String.join(
                "\n",
                resource.uri(),
                resource.name(),
                resource.displayName(),
                Canonical.sorted(resource.scopes()),
                String.valueOf(resource.introspectionSecret()),
                resource.accessTokenFormat().getValue());
    }

    /** The base every non-URI API resource name is appended to: absolute, ending with a slash. */
    static String checkedBase(String base) {
        if (base == null) {
            return null;
        }
        URI uri = ClientMapping.absolute(base);
        if (uri == null || !base.endsWith("/")) {
            throw new ImportFailure(
                    "--api-uri-base must be an absolute URI ending with /, for example https://api.example.com/");
        }
        return base;
    }
}
