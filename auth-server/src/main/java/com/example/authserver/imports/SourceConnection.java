package com.example.authserver.imports;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Opens a source database read-only, for every import: an import never writes its source. SQLite is opened in SQLite's read-only mode
 * (so a wrong path fails instead of creating an empty file); the others get a read-only connection in one
 * transaction, which PostgreSQL and MySQL enforce and which also gives a consistent snapshot of the seven tables.
 * The driver is chosen from the URL (every project has SQLite's, SQL Server's, PostgreSQL's and MySQL's) and
 * called directly rather than through DriverManager, which in a packaged jar does not always see the jar's drivers.
 */
public final class SourceConnection {

    /** SQLite's SQLITE_OPEN_READONLY flag, given to sqlite-jdbc as its {@code open_mode} setting. */
    private static final String SQLITE_READ_ONLY = "1";

    private static final int CONNECT_SECONDS = 15;

    /**
     * The H2 settings a source URL may carry: H2 is only the tests' stand-in for SQL Server (MODE=MSSQLServer), and
     * other settings run code when the database opens ({@code INIT=RUNSCRIPT FROM 'http://...'}) or change things.
     */
    private static final Set<String> H2_SETTINGS = Set.of(
            "MODE",
            "DB_CLOSE_DELAY",
            "NON_KEYWORDS",
            "DATABASE_TO_UPPER",
            "DATABASE_TO_LOWER",
            "CASE_INSENSITIVE_IDENTIFIERS",
            "IFEXISTS",
            "USER",
            "PASSWORD");

    /** The databases EF Core keeps Identity in that an import reads; H2 (MODE=MSSQLServer) is the tests' SQL Server. */
    private static final Set<DatabaseDriver> READABLE = EnumSet.of(
            DatabaseDriver.SQLITE,
            DatabaseDriver.SQLSERVER,
            DatabaseDriver.POSTGRESQL,
            DatabaseDriver.MYSQL,
            DatabaseDriver.MARIADB,
            DatabaseDriver.H2);

    private SourceConnection() {}

    /** Opens the database the option ({@code source-url}, ...) names; an ImportFailure naming the option if not. */
    public static Connection open(String option, String url, String username, String password) {
        DatabaseDriver vendor = DatabaseDriver.fromJdbcUrl(url);
        if (!READABLE.contains(vendor)) {
            throw new ImportFailure("--" + option + " is not a JDBC URL of SQLite, SQL Server, PostgreSQL or MySQL"
                    + " (jdbc:sqlite:..., jdbc:sqlserver://..., jdbc:postgresql://..., jdbc:mysql://...)");
        }
        if (vendor == DatabaseDriver.MARIADB) {
            throw new ImportFailure("For MariaDB, write the URL jdbc:mysql://...: MySQL's driver, which every project"
                    + " has, reads MariaDB");
        }
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        switch (vendor) {
            case SQLITE -> properties.setProperty("open_mode", SQLITE_READ_ONLY);
            case POSTGRESQL -> properties.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
            case MYSQL -> properties.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS * 1000));
            case SQLSERVER -> properties.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
            case H2 -> {
                checkH2Settings(option, url);
                // a missing database is an error, not a new empty one created where the URL points
                properties.setProperty("IFEXISTS", "TRUE");
            }
            default -> {}
        }
        Connection connection;
        try {
            Driver driver =
                    (Driver) Class.forName(vendor.getDriverClassName(), true, SourceConnection.class.getClassLoader())
                            .getDeclaredConstructor()
                            .newInstance();
            connection = driver.connect(url, properties);
        } catch (ReflectiveOperationException | LinkageError ex) {
            throw new ImportFailure("No JDBC driver for " + url.split(":", 3)[1] + " in this project");
        } catch (SQLException ex) {
            throw new ImportFailure("Could not connect to the database of --" + option + ": " + firstLine(ex));
        }
        if (connection == null) {
            throw new ImportFailure("The JDBC driver does not accept --" + option);
        }
        try {
            if (vendor != DatabaseDriver.SQLITE) {
                connection.setReadOnly(true);
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException ex) {
            close(connection);
            throw new ImportFailure("Could not open the source database read-only: " + firstLine(ex));
        }
    }

    /**
     * Refuses an H2 URL with a setting other than {@link #H2_SETTINGS} (INIT runs SQL, so RUNSCRIPT or CREATE ALIAS,
     * when the database opens) or naming a statement that runs code anywhere in it; case-insensitive, as H2 is.
     */
    private static void checkH2Settings(String option, String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        for (String statement : List.of("RUNSCRIPT", "ALIAS", "TRIGGER")) {
            if (upper.contains(statement)) {
                throw new ImportFailure("--" + option + " names " + statement + ": an H2 source URL may not run code"
                        + " or change anything when it opens");
            }
        }
        String[] parts = upper.split(";");
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].split("=", 2)[0].strip();
            boolean ifExistsOff = name.equals("IFEXISTS") && !parts[i].matches("\\s*IFEXISTS\\s*=\\s*TRUE\\s*");
            if (!name.isEmpty() && (!H2_SETTINGS.contains(name) || ifExistsOff)) {
                throw new ImportFailure("--" + option + " has the H2 setting " + name + ", which an import does not"
                        + " take: only "
                        + String.join(", ", H2_SETTINGS.stream().sorted().toList())
                        + " (IFEXISTS only as TRUE: a missing database is not created)");
            }
        }
    }

    /** Ends the read transaction (nothing was written) and closes. */
    public static void close(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException ex) {
            // nothing was written: a failure to end the read transaction loses nothing
        }
    }

    /** The driver's message without stack trace or the following lines some drivers add. */
    public static String firstLine(Throwable ex) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
