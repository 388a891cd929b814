package com.example.authserver.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./mvnw -Pnew-migration -Dname=...} on the project's own migrations and model: what it writes, what it
 * only warns about, and where the file goes (in a copy of the project's migration folders).
 */
class NewMigrationTests {

    static ApplicationSchemaSettings settings;

    final List<TestDatabase> databases = new ArrayList<>();

    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @TempDir
    Path project;

    @BeforeAll
    static void readTheApplicationsSettings() {
        settings = ApplicationSchemaSettings.load();
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabase::drop);
    }

    @Test
    void aDroppedColumnIsAddedBackAndNothingIsLeftToDo() {
        DataSource database = migratedDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("alter table users drop column given_name");

        SchemaChanges changes = SchemaChanges.between(database, settings.hibernate(), settings.entityPackage());

        assertThat(changes.statements()).singleElement().asString().containsIgnoringCase("add column given_name");
        assertThat(changes.tables()).containsExactly("users");
        changes.statements().forEach(statement -> jdbc.execute(statement.replaceAll(";$", "")));
        SchemaChanges after = SchemaChanges.between(database, settings.hibernate(), settings.entityPackage());
        assertThat(after.statements()).isEmpty();
        assertThat(after.warnings()).isEmpty();
    }

    @Test
    void anExtraColumnInUsersIsAWarningAndNeverADrop() {
        DataSource database = migratedDatabase();
        new JdbcTemplate(database).execute("alter table users add column legacy_code varchar(20) not null");

        SchemaChanges changes = SchemaChanges.between(database, settings.hibernate(), settings.entityPackage());

        assertThat(changes.statements()).isEmpty();
        assertThat(changes.warnings())
                .singleElement()
                .asString()
                .startsWith("users.legacy_code is in the database but no property maps it")
                .contains("inserting a users row fails");
    }

    @Test
    void aColumnOfAnotherTypeIsAWarningAndNotChanged() {
        DataSource database = migratedDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("alter table users drop column given_name");
        jdbc.execute("alter table users add column given_name integer");

        SchemaChanges changes = SchemaChanges.between(database, settings.hibernate(), settings.entityPackage());

        assertThat(changes.statements()).isEmpty();
        assertThat(changes.warnings())
                .singleElement()
                .asString()
                .startsWith("users.given_name is ")
                .contains("the model wants varchar")
                .contains("change the type yourself");
    }

    @Test
    void tablesOnlyFlywayOwnsAreNotReported() {
        DataSource database = migratedDatabase();
        new JdbcTemplate(database).execute("create table audit_notes (id integer primary key)");

        SchemaChanges changes = SchemaChanges.between(database, settings.hibernate(), settings.entityPackage());

        assertThat(changes.statements()).isEmpty();
        assertThat(changes.warnings()).isEmpty();
    }

    @Test
    void nothingToAddWritesNoFile() throws IOException {
        List<Path> before = copyOfTheProjectsMigrations();

        Path written = NewMigration.run("AddNothing", project, settings, printTo(output));

        assertThat(written).isNull();
        assertThat(filesIn(project)).isEqualTo(before);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Nothing to add")
                .contains("No migration written");
    }

    @Test
    void writesTheNextScriptIntoTheFolderOfTheTableItChanges() throws IOException {
        // versions far above the project's own migrations, whatever they are
        copyOfTheProjectsMigrations();
        Path identity = folder("identity");
        Files.writeString(identity.resolve("V900__drop_given_name.sql"), "alter table users drop column given_name;\n");
        Path protocol = folder("protocol");
        Files.writeString(
                protocol.resolve("V901__audit_notes.sql"), "create table audit_notes (id integer primary key);\n");

        Path written = NewMigration.run("RestoreGivenName", project, settings, printTo(output));

        assertThat(written).isEqualTo(identity.resolve("V902__restore_given_name.sql"));
        assertThat(Files.readString(written))
                .startsWith("-- RestoreGivenName: written by ./mvnw -Pnew-migration -Dname=RestoreGivenName")
                .containsIgnoringCase("add column given_name");
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Wrote " + project.relativize(written))
                .contains("then start the server");
    }

    @Test
    void aMissingNameFailsBeforeAnyWork() {
        assertThatThrownBy(() -> NewMigration.run(null, project, settings, printTo(output)))
                .hasMessageContaining("-Dname");
        assertThat(output.size()).isZero();
    }

    /** The project's migration folders, copied to the temporary project as a generated project has them. */
    private List<Path> copyOfTheProjectsMigrations() throws IOException {
        for (String location : vendorLocations()) {
            String relative = location.replaceFirst("^classpath:", "");
            Path source = MigrationFolders.find(Path.of(""), List.of(location)).folder(location);
            Path target = project.resolve("src/main/resources").resolve(relative);
            Files.createDirectories(target);
            try (Stream<Path> scripts = Files.list(source)) {
                for (Path script : scripts.toList()) {
                    Files.copy(script, target.resolve(script.getFileName()));
                }
            }
        }
        return filesIn(project);
    }

    private Path folder(String name) {
        return project.resolve("src/main/resources/db/migration/" + TestDatabase.projectVendor() + "/" + name);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> vendorLocations() {
        return settings.flywayLocations(TestDatabase.projectVendor());
    }

    private DataSource migratedDatabase() {
        TestDatabase database = TestDatabase.create();
        databases.add(database);
        return settings.migrated(database);
    }

    private static PrintStream printTo(ByteArrayOutputStream output) {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }
}
