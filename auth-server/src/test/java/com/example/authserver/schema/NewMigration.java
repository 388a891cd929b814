package com.example.authserver.schema;

import com.example.authserver.support.TestDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./mvnw -Pnew-migration -Dname=AddDepartment}: writes the next Flyway script from what the JPA model
 * ({@code ApplicationUser} and the other entities) has and the schema of the project's migrations lacks. It
 * migrates a fresh database of the project's vendor (as the tests do: {@link TestDatabase}), lets Hibernate
 * write the statements that add the missing tables, columns, indexes and constraints, and prints what it
 * cannot write safely (renames, drops, type changes) for you to write by hand.
 * <p>
 * Test code on purpose: it is a development tool, not part of the server's jar.
 */
public final class NewMigration {

    private NewMigration() {}

    /**
     * Run by the {@code new-migration} profile of the pom, which passes the system properties
     * {@code new-migration.name} (from {@code -Dname}) and {@code new-migration.project} (the project's folder).
     */
    public static void main(String[] args) {
        String name = System.getProperty("new-migration.name");
        Path projectDir =
                Path.of(System.getProperty("new-migration.project", "")).toAbsolutePath();
        // the tool's own output is what counts: the libraries' start-up logs only hide it
        System.setProperty("logging.level.org.flywaydb", "warn");
        System.setProperty("logging.level.org.hibernate", "warn");
        System.setProperty("logging.level.io.zonky", "warn");
        try {
            run(name, projectDir, ApplicationSchemaSettings.load(), System.out);
            System.exit(0);
        } catch (RuntimeException ex) {
            System.err.println();
            System.err.println("new-migration: " + messages(ex));
            System.exit(1);
        }
    }

    /** Writes the script if there is something to write, and returns it (or null). */
    static Path run(String name, Path projectDir, ApplicationSchemaSettings settings, PrintStream out) {
        MigrationFileName.snakeCase(name);
        TestDatabase database = TestDatabase.create();
        try {
            DriverManagerDataSource dataSource =
                    new DriverManagerDataSource(database.url(), database.username(), database.password());
            MigrationFolders folders = MigrationFolders.find(projectDir, settings.flywayLocations(database.vendor()));
            // the scripts as they are in the source tree: the build's copy may still hold a deleted one
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(folders.flywayLocations())
                    .load();
            flyway.migrate();
            List<String> versions = Arrays.stream(flyway.info().applied())
                    .map(MigrationInfo::getVersion)
                    .filter(Objects::nonNull)
                    .map(Object::toString)
                    .toList();
            SchemaChanges changes = SchemaChanges.between(dataSource, settings.hibernate(), settings.entityPackage());
            return write(name, projectDir, folders, versions, changes, out);
        } finally {
            database.drop();
        }
    }

    private static Path write(
            String name,
            Path projectDir,
            MigrationFolders folders,
            List<String> versions,
            SchemaChanges changes,
            PrintStream out) {
        out.println();
        Path written = null;
        if (changes.statements().isEmpty()) {
            out.println("Nothing to add: the schema your migrations build has every table and column the model "
                    + "maps. No migration written.");
        } else {
            MigrationFileName file = MigrationFileName.next(name, versions);
            Path folder = folders.folderFor(changes.tables());
            written = folder.resolve(file.fileName());
            String script = script(name, changes);
            try {
                Files.createDirectories(folder);
                Files.writeString(written, script, StandardOpenOption.CREATE_NEW);
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not write " + written + ": " + ex.getMessage(), ex);
            }
            out.println("Wrote " + projectDir.relativize(written) + ":");
            out.println();
            changes.statements().forEach(statement -> {
                statement.lines().forEach(line -> out.println("    " + line));
                out.println();
            });
        }
        if (!changes.warnings().isEmpty()) {
            out.println("For you to do by hand (not in any script):");
            changes.warnings().forEach(warning -> out.println("  - " + warning));
            out.println();
        }
        if (written != null) {
            out.println("Review it (column types and lengths, a default for not-null columns on existing rows), "
                    + "then start the server: Flyway applies it.");
            out.println();
        }
        return written;
    }

    private static String script(String name, SchemaChanges changes) {
        StringBuilder script = new StringBuilder()
                .append("-- ")
                .append(name)
                .append(": written by ./mvnw -Pnew-migration -Dname=")
                .append(name)
                .append(" from what the JPA model has\n")
                .append("-- and the migrations before it lack. Review it before the first start; once a database ")
                .append("has run it,\n-- change the schema with a new migration instead of editing this one.\n");
        changes.warnings()
                .forEach(
                        warning -> script.append("-- By hand: ").append(warning).append('\n'));
        changes.statements()
                .forEach(statement -> script.append('\n').append(statement).append('\n'));
        return script.toString();
    }

    private static String messages(Throwable ex) {
        StringBuilder text = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
