package com.example.authserver.imports.identityserver;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.JdbcApiResources;
import com.example.authserver.identity.UserManager;
import com.example.authserver.imports.ImportFailure;
import com.example.authserver.imports.ImportOptions;
import com.example.authserver.imports.ImportReport;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.Importer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * {@code import identityserver}: clients, API resources and remembered consents from IdentityServer4 4.x or Duende
 * IdentityServer, read from its Entity Framework databases or a JSON export, written into this server's stores (the
 * README's mapping table). API resources first (clients' scopes name them), then clients, then consents (which name
 * clients). The stores are built here, privately, on this server's tables: this class is also created inside the
 * running server, whose own beans it must not replace.
 */
@Component
class IdentityServerImporter implements Importer {

    private final JdbcTemplate jdbc;

    private final ImportedRows imported;

    private final Environment environment;

    private final Clock clock;

    private final UserManager users;

    IdentityServerImporter(
            JdbcTemplate jdbc, ImportedRows imported, Environment environment, Clock clock, UserManager users) {
        this.users = users;
        this.jdbc = jdbc;
        this.imported = imported;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "identityserver";
    }

    @Override
    public String usage() {
        return """
                --source-url=jdbc:... [--source-username=...] [--source-password=...]
                  [--grants-url=jdbc:... [--grants-username=...] [--grants-password=...]]
                | --file=export.json
                [--api-uri-base=https://api.example.com/] [--dry-run]""";
    }

    @Override
    public void run(ImportOptions options, ImportReport report) {
        IdentityServerData data = read(options);
        String uriBase =
                ApiResourceImport.checkedBase(options.value("api-uri-base").orElse(null));
        JdbcRegisteredClientRepository clients = new JdbcRegisteredClientRepository(jdbc);
        report.info("source: " + data.clients().size() + " client(s), "
                + data.apiResources().size()
                + " API resource(s), " + data.apiScopes().size() + " API scope(s), "
                + data.identityResources().size() + " identity resource(s), "
                + data.persistedGrants().size()
                + " persisted grant(s)");
        JdbcApiResources resources = JdbcApiResources.uncached(jdbc);
        new ApiResourceImport(resources, imported, uriBase).run(data.apiResources(), report);
        Set<String> customIdentityScopes = customIdentityScopes(data, report);
        ClientImport clientImport = new ClientImport(
                clients,
                imported,
                new ClientMapping(
                        apiScopes(data),
                        scopesOfLocalApis(resources),
                        customIdentityScopes,
                        environment.getProperty("authforge.password-grant.enabled", Boolean.class, false),
                        new SecretSelection(clock)));
        clientImport.run(data.clients(), report);
        new ConsentImport(
                        clients,
                        new JdbcOAuth2AuthorizationConsentService(jdbc, clients),
                        imported,
                        clock,
                        id -> users.findById(id).isPresent())
                .run(data.persistedGrants(), clientImport.written(), report);
    }

    private static IdentityServerData read(ImportOptions options) {
        var file = options.value("file");
        var sourceUrl = options.value("source-url");
        if (file.isPresent() == sourceUrl.isPresent()) {
            throw new ImportFailure(
                    "Give either --source-url=jdbc:... (IdentityServer's database) or --file=export.json");
        }
        if (file.isPresent()) {
            if (options.value("grants-url").isPresent()) {
                throw new ImportFailure("--grants-url goes with --source-url; a JSON export holds persistedGrants");
            }
            return JsonExportSource.read(Path.of(file.get()));
        }
        DatabaseSource.Location configuration = new DatabaseSource.Location(
                sourceUrl.get(),
                options.value("source-username").orElse(null),
                options.secret("source-password").orElse(null));
        DatabaseSource.Location grants = options.value("grants-url")
                .map(url -> new DatabaseSource.Location(
                        url,
                        options.value("grants-username").orElse(configuration.user()),
                        options.secret("grants-password").orElse(configuration.password())))
                .orElse(null);
        return DatabaseSource.read(configuration, grants);
    }

    /** The scopes clients may ask for that belong to APIs: enabled ApiScopes and the scopes of API resources. */
    private static Set<String> apiScopes(IdentityServerData data) {
        Set<String> scopes = new HashSet<>();
        data.apiScopes().stream()
                .filter(scope -> scope.bool("Enabled", true))
                .map(scope -> scope.string("Name"))
                .forEach(scopes::add);
        data.apiResources().stream()
                .filter(resource -> resource.row().bool("Enabled", true))
                .forEach(resource -> scopes.addAll(resource.scopes()));
        scopes.remove(null);
        return scopes;
    }

    /**
     * The scopes of the API resources here that were not imported (configured under authforge.clients.resources or
     * created here), each with its resource's URI: their tokens are for this server's own APIs, which a source must
     * not open to its clients by naming a scope of the same name.
     */
    private Map<String, String> scopesOfLocalApis(JdbcApiResources resources) {
        Map<String, String> scopes = new HashMap<>();
        for (ApiResource resource : resources.all()) {
            boolean importedHere = imported.find(ApiResourceImport.KIND, resource.name())
                    .filter(record -> record.targetId().equals(resource.uri()))
                    .isPresent();
            if (!importedHere) {
                resource.scopes().forEach(scope -> scopes.put(scope, resource.uri()));
            }
        }
        return scopes;
    }

    /** Identity resources beyond the standard ones: this server has no claims for them (claims/ClaimsMapping). */
    private static Set<String> customIdentityScopes(IdentityServerData data, ImportReport report) {
        Set<String> custom = new HashSet<>();
        for (SourceRow resource : data.identityResources()) {
            String name = resource.string("Name");
            if (name != null && !ClientMapping.STANDARD_IDENTITY_SCOPES.contains(name)) {
                custom.add(name);
                report.warning(
                        "identity resource " + name,
                        "not carried over: its claims need a mapping in claims/ClaimsMapping; clients lose the scope");
            }
        }
        return custom;
    }
}
