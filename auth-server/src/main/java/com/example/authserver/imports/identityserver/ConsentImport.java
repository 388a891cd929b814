package com.example.authserver.imports.identityserver;

import com.example.authserver.clients.ImportedClients;
import com.example.authserver.imports.ImportReport;
import com.example.authserver.imports.ImportedRows;
import com.example.authserver.imports.ImportedRows.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IdentityServer's remembered consents (persisted grants of type {@code user_consent}) as this server's: the user's
 * consent to the client's scopes, so the consent page is not shown again. The consent's principal is the user's id
 * ({@code SubjectId}, the ASP.NET Identity user id, which the {@code aspnet-identity} import keeps as the user's id
 * here). Only consents of users absent here (yet) or imported from ASP.NET Identity are written: a user of this
 * server's own is a failed row. Expired consents are skipped; other persisted grants (refresh tokens, codes,
 * reference tokens) are not carried over: users sign in again.
 */
final class ConsentImport {

    static final String KIND = "identityserver-consent";

    static final String USER_CONSENT = "user_consent";

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationConsentService consents;

    private final ImportedRows imported;

    private final Clock clock;

    private final Predicate<String> userExists;

    private final JsonMapper json = JsonMapper.builder().build();

    ConsentImport(
            RegisteredClientRepository clients,
            OAuth2AuthorizationConsentService consents,
            ImportedRows imported,
            Clock clock,
            Predicate<String> userExists) {
        this.userExists = userExists;
        this.clients = clients;
        this.consents = consents;
        this.imported = imported;
        this.clock = clock;
    }

    /**
     * @param grants the source's persisted grants
     * @param dryRunClients the client ids a dry run would have imported (not written, so not found here)
     */
    void run(List<SourceRow> grants, Set<String> dryRunClients, ImportReport report) {
        int others = 0;
        for (SourceRow grant : grants) {
            if (!USER_CONSENT.equals(grant.string("Type"))) {
                others++;
                continue;
            }
            String subject = grant.string("SubjectId");
            String clientId = grant.string("ClientId");
            String row = "consent of user " + subject + " to client " + clientId;
            try {
                if (report.dryRun() && dryRunClients.contains(clientId) && !isExpired(grant)) {
                    refuseUsersOfHere(subject);
                    scopes(grant.string("Data"));
                    report.imported();
                } else {
                    importOne(grant, subject, clientId, row, report);
                }
            } catch (IllegalArgumentException ex) {
                report.failed(row, ex.getMessage());
            }
        }
        if (others > 0) {
            report.info(others + " persisted grant(s) of other types (refresh tokens, codes, reference tokens)"
                    + " not carried over: their users sign in again");
        }
    }

    private void importOne(SourceRow grant, String subject, String clientId, String row, ImportReport report) {
        if (subject == null || clientId == null) {
            throw new IllegalArgumentException("SubjectId or ClientId is empty");
        }
        if (isExpired(grant)) {
            report.skipped(row, "expired " + grant.instant("Expiration"));
            return;
        }
        refuseUsersOfHere(subject);
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || !ClientMapping.SOURCE.equals(ImportedClients.importedFrom(client))) {
            throw new IllegalArgumentException("the client " + clientId + " was not imported from IdentityServer");
        }
        Set<String> scopes = new LinkedHashSet<>();
        List<String> dropped = new ArrayList<>();
        for (String scope : scopes(grant.string("Data"))) {
            (client.getScopes().contains(scope) ? scopes : dropped).add(scope);
        }
        if (!dropped.isEmpty()) {
            report.warning(row, "scopes " + dropped + " not carried over: the client here has no such scope");
        }
        if (scopes.isEmpty()) {
            report.skipped(row, "no scope of the consent is one of the client's here");
            return;
        }
        if (!userExists.test(subject)) {
            // absent here: the consent waits for import aspnet-identity, which records the user as imported
            report.warning(
                    row,
                    "no user with this id here yet: the consent applies once the user is imported"
                            + " (import aspnet-identity keeps IdentityServer's user ids)");
        }
        OAuth2AuthorizationConsent.Builder builder = OAuth2AuthorizationConsent.withId(client.getId(), subject);
        scopes.forEach(builder::scope);
        OAuth2AuthorizationConsent consent = builder.build();
        String key = clientId + " " + subject;
        String sourceDigest = ImportedRows.digest(Canonical.of(consent));
        Optional<ImportedRows.Record> earlier = imported.find(KIND, key);
        OAuth2AuthorizationConsent existing = consents.findById(client.getId(), subject);
        Decision decision = ImportedRows.decide(
                earlier,
                sourceDigest,
                Optional.ofNullable(existing).map(stored -> ImportedRows.digest(Canonical.of(stored))));
        if (decision == Decision.NEW) {
            if (existing != null) {
                report.skipped(row, "the user already gave this client a consent here, which is left as it is");
                return;
            }
            save(key, consent, sourceDigest, report);
            report.imported();
        } else if (decision == Decision.DELETED_HERE) {
            report.skipped(row, "revoked here since it was imported, so not imported again");
        } else if (decision != Decision.UPDATE) {
            report.skipped(row, SkipReasons.of(decision));
        } else {
            save(key, consent, sourceDigest, report);
            report.updated();
        }
    }

    /**
     * A source may only speak for the users it brought over: a consent of a user of this server who was not imported
     * from ASP.NET Identity would let the source pre-authorize its clients for them.
     */
    private void refuseUsersOfHere(String subject) {
        if (subject != null
                && userExists.test(subject)
                && !imported.wasImportedAs(ImportedRows.ASPNET_IDENTITY_USERS, subject, subject)) {
            throw new IllegalArgumentException("the user " + subject + " here was not imported from ASP.NET Identity"
                    + " (import aspnet-identity), so the source cannot give consents in their name");
        }
    }

    private boolean isExpired(SourceRow grant) {
        Instant expiration = grant.instant("Expiration");
        return expiration != null && !expiration.isAfter(clock.instant());
    }

    /**
     * The scopes of a consent's {@code Data}: IdentityServer's {@code Consent} as JSON ({@code {"Scopes": [...]}}),
     * or Duende's container around it; a container whose payload is protected by ASP.NET Core Data Protection cannot
     * be read here.
     */
    private List<String> scopes(String data) {
        if (data == null) {
            throw new IllegalArgumentException("Data is empty");
        }
        JsonNode node;
        try {
            node = json.readTree(data);
        } catch (JacksonException ex) {
            throw new IllegalArgumentException("Data is not JSON: " + ex.getOriginalMessage());
        }
        if (node != null
                && field(node, "DataProtected") != null
                && field(node, "DataProtected").asBoolean()) {
            throw new IllegalArgumentException("Data is protected by ASP.NET Core Data Protection, which cannot be"
                    + " read here: export the consents with DataProtectData off (Duende PersistentGrantOptions)");
        }
        if (node != null && field(node, "Payload") != null) {
            return scopes(field(node, "Payload").asString());
        }
        JsonNode scopes = node == null ? null : field(node, "Scopes");
        if (scopes == null || !scopes.isArray()) {
            throw new IllegalArgumentException("Data has no Scopes array");
        }
        List<String> values = new ArrayList<>();
        scopes.forEach(scope -> values.add(scope.asString()));
        return values;
    }

    private static JsonNode field(JsonNode node, String name) {
        if (!node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private void save(String key, OAuth2AuthorizationConsent consent, String sourceDigest, ImportReport report) {
        if (report.dryRun()) {
            return;
        }
        consents.save(consent);
        OAuth2AuthorizationConsent stored =
                consents.findById(consent.getRegisteredClientId(), consent.getPrincipalName());
        imported.record(
                KIND,
                key,
                new ImportedRows.Record(
                        consent.getRegisteredClientId() + " " + consent.getPrincipalName(),
                        sourceDigest,
                        ImportedRows.digest(Canonical.of(stored))));
    }
}
