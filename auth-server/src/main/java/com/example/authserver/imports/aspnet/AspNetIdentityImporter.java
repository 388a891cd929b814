package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.Sha256;
import com.example.authserver.imports.ImportFailure;
import com.example.authserver.imports.ImportOptions;
import com.example.authserver.imports.ImportReport;
import com.example.authserver.imports.Importer;
import com.example.authserver.imports.SourceConnection;
import com.example.authserver.imports.aspnet.AspNetRows.Role;
import com.example.authserver.imports.aspnet.AspNetRows.Snapshot;
import com.example.authserver.imports.aspnet.AspNetRows.User;
import com.example.authserver.imports.aspnet.AspNetRows.UserData;
import com.example.authserver.keys.StoredSecretsCheck;
import com.example.authserver.twofactor.ImportedTwoFactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code import aspnet-identity}: users, roles, their claims, external logins and tokens from an ASP.NET Core
 * Identity database (SQLite, SQL Server, PostgreSQL, MySQL / MariaDB) into this server's store. Roles first (users
 * refer to them), then users, in batches of one transaction each, with a progress line per batch. Every source row
 * is counted once: imported, updated, skipped or failed with its reason ({@link UserImport}, {@link RoleImport}).
 * A batch that the database refuses (a constraint nobody checked before) is rolled back and written row by row, so
 * only the row at fault fails. A dry run does all of it and rolls every batch back: the same counts, nothing written
 * (not even imported_rows); only each batch is checked on its own, as earlier batches are not kept.
 */
@Component
class AspNetIdentityImporter implements Importer {

    static final String KIND = "aspnet-identity";

    private static final int DEFAULT_BATCH = 500;

    private final RoleImport roles;

    private final UserImport users;

    private final StoredSecretsCheck storedSecrets;

    private final TransactionTemplate transactions;

    AspNetIdentityImporter(
            RoleImport roles,
            UserImport users,
            StoredSecretsCheck storedSecrets,
            PlatformTransactionManager transactionManager) {
        this.roles = roles;
        this.storedSecrets = storedSecrets;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String usage() {
        return "--source-url=<JDBC URL> [--source-username=<user>] [--source-password=<password>]"
                + " [--mapping=<file>] [--batch-size=" + DEFAULT_BATCH + "] [--dry-run]";
    }

    @Override
    public void run(ImportOptions options, ImportReport report) {
        // authenticator keys are sealed with the key-encryption key: the server's own, or they would never open
        storedSecrets.requireOpensStoredSigningKeys(ImportFailure::new);
        UserMapping mapping = UserMapping.load(options.value("mapping"));
        int batchSize = batchSize(options);
        Snapshot source = read(options, mapping);
        report.info(
                "source: " + source.roles().size() + " roles, " + source.users().size() + " users");
        if (source.passkeys() > 0) {
            report.warning(
                    "AspNetUserPasskeys",
                    source.passkeys() + " passkey(s) are not carried over: their users register them again here");
        }
        Map<String, String> roleIds = new HashMap<>();
        inBatches(
                report,
                "roles",
                source.roles(),
                batchSize,
                role -> "role " + role.id(),
                role -> roles.importRole(role, mapping, roleIds));
        inBatches(
                report,
                "users",
                source.users(),
                batchSize,
                user -> "user " + user.id(),
                user -> users.importUser(user, source.dataOf(user.id()), mapping, roleIds));
    }

    private Snapshot read(ImportOptions options, UserMapping mapping) {
        String password = options.secret("source-password").orElse(null);
        Connection connection = SourceConnection.open(
                "source-url",
                options.required("source-url"),
                options.value("source-username").orElse(null),
                password);
        try {
            SourceReader reader = new SourceReader(connection);
            reader.requireIdentitySchema(mapping.sourceColumns());
            return reader.read(mapping.sourceColumns());
        } catch (SQLException ex) {
            throw new ImportFailure("Could not read the source database: " + SourceConnection.firstLine(ex));
        } finally {
            SourceConnection.close(connection);
        }
    }

    private <T> void inBatches(
            ImportReport report,
            String what,
            List<T> rows,
            int batchSize,
            Function<T, String> rowName,
            Function<T, List<RowOutcome>> write) {
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<T> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
            List<RowOutcome> outcomes;
            try {
                outcomes = inTransaction(
                        report,
                        () -> batch.stream()
                                .flatMap(row -> write.apply(row).stream())
                                .toList());
            } catch (ImportFailure ex) {
                throw ex;
            } catch (RuntimeException ex) {
                outcomes = new ArrayList<>();
                for (T row : batch) {
                    try {
                        outcomes.addAll(inTransaction(report, () -> write.apply(row)));
                    } catch (ImportFailure failure) {
                        throw failure;
                    } catch (RuntimeException rowEx) {
                        outcomes.add(RowOutcome.failed(
                                rowName.apply(row),
                                "the database refused it: " + SourceConnection.firstLine(root(rowEx))));
                    }
                }
            }
            outcomes.forEach(outcome -> outcome.tell(report));
            report.progress(what, Math.min(rows.size(), from + batchSize), rows.size());
        }
    }

    private List<RowOutcome> inTransaction(ImportReport report, Supplier<List<RowOutcome>> work) {
        return transactions.execute(status -> {
            List<RowOutcome> outcomes = work.get();
            if (report.dryRun()) {
                status.setRollbackOnly();
            }
            return outcomes;
        });
    }

    private static int batchSize(ImportOptions options) {
        String value = options.value("batch-size").orElse(Integer.toString(DEFAULT_BATCH));
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= 10_000) {
                return size;
            }
        } catch (NumberFormatException ex) {
            // told below
        }
        throw new ImportFailure("--batch-size takes a number from 1 to 10000, not '" + value + "'");
    }

    private static Throwable root(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** A digest of everything read for a user: a change the ConcurrencyStamp does not show still counts. */
    static String digest(User user, UserData data) {
        return Sha256.base64Url(user + "\n" + data);
    }

    static String digest(Role role) {
        return Sha256.base64Url(role.toString());
    }

    /** .NET's key as the app got it: Base32 (RFC 4648), upper case, without spaces or padding. */
    static String normalizeKey(String key) {
        return key.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    }

    static boolean isBase32Key(String key) {
        String normalized = normalizeKey(key);
        return normalized.length() >= 16 && normalized.matches("[A-Z2-7]+");
    }

    /** .NET keeps a user's unused recovery codes in clear, joined by ';'. */
    static List<String> recoveryCodes(String value) {
        return Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(ImportedTwoFactor::isUsableRecoveryCode)
                .toList();
    }
}
