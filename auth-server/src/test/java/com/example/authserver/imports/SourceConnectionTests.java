package com.example.authserver.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source URL is chosen by whoever runs the import, maybe from a runbook or a ticket: H2, accepted only as the tests'
 * stand-in for SQL Server, must not run code or create a database when it opens.
 */
class SourceConnectionTests {

    @TempDir
    Path folder;

    @Test
    void anInitSettingIsRefusedBeforeItRunsAnything() {
        Path written = folder.resolve("pwned");
        String url = "jdbc:h2:mem:hostile-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;INIT=CALL FILE_WRITE(STRINGTOUTF8('x'), '" + written + "')";

        assertThatThrownBy(() -> SourceConnection.open("source-url", url, "sa", ""))
                .isInstanceOf(ImportFailure.class)
                .hasMessageContaining("--source-url")
                .hasMessageContaining("INIT");
        assertThat(written).doesNotExist();
    }

    @Test
    void codeRunningSettingsAreRefusedWhateverTheirCase() {
        for (String hostile : new String[] {
            ";init=runscript from 'http://127.0.0.1:1/evil.sql'",
            ";MODE=MSSQLServer\\;INIT=RUNSCRIPT FROM 'evil.sql'",
            ";Mode=MSSQLServer;Create Alias X FOR 'java.lang.Runtime.exec'",
            ";MODE=MSSQLServer;DATABASE_EVENT_LISTENER='some.Listener'",
            ";IFEXISTS=FALSE"
        }) {
            String url = "jdbc:h2:mem:hostile-" + UUID.randomUUID() + hostile;
            assertThatThrownBy(() -> SourceConnection.open("grants-url", url, "sa", ""))
                    .as(hostile)
                    .isInstanceOf(ImportFailure.class)
                    .hasMessageStartingWith("--grants-url ");
        }
    }

    @Test
    void aMissingH2DatabaseIsNotCreated() throws Exception {
        assumeH2();
        Path missing = folder.resolve("missing");

        assertThatThrownBy(() -> SourceConnection.open("source-url", "jdbc:h2:file:" + missing, "sa", ""))
                .isInstanceOf(ImportFailure.class)
                .hasMessageContaining("Could not connect to the database of --source-url");
        try (var files = Files.list(folder)) {
            assertThat(files).as("no database file created").isEmpty();
        }
    }

    @Test
    void anExistingH2DatabaseInSqlServerModeStillOpens() throws Exception {
        assumeH2();
        String url = "jdbc:h2:mem:standin-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            setup.createStatement().execute("create table t (id int)");

            Connection source = SourceConnection.open("source-url", url, "sa", "");

            assertThat(source.createStatement()
                            .executeQuery("select count(*) from t")
                            .next())
                    .isTrue();
            SourceConnection.close(source);
            setup.createStatement().execute("drop table t");
        }
    }

    /** H2 is the project's own driver only in H2 projects: PostgreSQL and MySQL projects cannot open it at all. */
    private static void assumeH2() {
        boolean present;
        try {
            Class.forName("org.h2.Driver");
            present = true;
        } catch (ClassNotFoundException absent) {
            present = false;
        }
        assumeTrue(present, "H2 is not on the classpath of this project");
    }
}
