package com.example.authserver.imports.aspnet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.authserver.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An ASP.NET Core Identity database for a test, built with the DDL Entity Framework Core emits
 * (src/test/resources/imports/aspnet-identity/): SQLite (the .NET template's default) in a file, or the project's
 * own kind of database: PostgreSQL (Npgsql's DDL) or MySQL / MariaDB (Pomelo's DDL) as a second database on the
 * test server, and for H2 projects EF's SQL Server DDL on H2 in MODE=MSSQLServer, the stand-in for SQL Server.
 * Statements are written with "double quotes" and turned into the vendor's quotes.
 */
final class AspNetIdentitySource implements AutoCloseable {

    static final String SQLSERVER_URL_VARIABLE = "AUTHFORGE_TEST_SQLSERVER_URL";

    static final List<String> TABLES = List.of(
            "AspNetRoles",
            "AspNetUsers",
            "AspNetRoleClaims",
            "AspNetUserClaims",
            "AspNetUserLogins",
            "AspNetUserRoles",
            "AspNetUserTokens");

    final String vendor;

    final String url;

    final String username;

    final String password;

    private final TestDatabase database;

    /** Drops a database this source created on a server other than the project's (SQL Server). */
    private Runnable dropOwnDatabase = () -> {};

    private AspNetIdentitySource(String vendor, String url, String username, String password, TestDatabase database) {
        this.vendor = vendor;
        this.url = url;
        this.username = username;
        this.password = password;
        this.database = database;
    }

    /** A SQLite file with the Identity schema. */
    static AspNetIdentitySource sqlite(Path folder) {
        String url = "jdbc:sqlite:" + folder.resolve("app.db");
        AspNetIdentitySource source = new AspNetIdentitySource("sqlite", url, null, null, null);
        source.runScript("sqlite.sql");
        return source;
    }

    /** A SQLite file without any table. */
    static AspNetIdentitySource emptySqlite(Path folder) {
        AspNetIdentitySource source =
                new AspNetIdentitySource("sqlite", "jdbc:sqlite:" + folder.resolve("empty.db"), null, null, null);
        source.execute("create table \"Blog\" (\"Id\" integer primary key)");
        return source;
    }

    /**
     * The Identity schema on the SQL Server named by {@code AUTHFORGE_TEST_SQLSERVER_URL} (for example
     * {@code jdbc:sqlserver://127.0.0.1:1433;user=sa;password=...;encrypt=false}), in a database of its own, dropped
     * afterwards, through Microsoft's driver as an import reads it; the test is skipped where no server is named.
     */
    static AspNetIdentitySource sqlServer() {
        String server = System.getenv(SQLSERVER_URL_VARIABLE);
        assumeTrue(server != null && !server.isBlank(), SQLSERVER_URL_VARIABLE + " names no SQL Server here");
        String name = "aspnet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        onServer(server, "create database " + name);
        AspNetIdentitySource source =
                new AspNetIdentitySource("sqlserver", server + ";databaseName=" + name, null, null, null);
        source.dropOwnDatabase = () -> onServer(server, "drop database " + name);
        source.runScript("sqlserver.sql");
        return source;
    }

    private static void onServer(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** The Identity schema on the project's kind of database (see the class comment). */
    static AspNetIdentitySource projectDatabase() {
        String projectVendor = TestDatabase.projectVendor();
        AspNetIdentitySource source;
        if ("h2".equals(projectVendor)) {
            String name =
                    "aspnet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            source = new AspNetIdentitySource(
                    "sqlserver", "jdbc:h2:mem:" + name + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "", null);
            source.runScript("sqlserver.sql");
        } else {
            TestDatabase database = TestDatabase.create();
            source = new AspNetIdentitySource(
                    projectVendor, database.url(), database.username(), database.password(), database);
            source.runScript(projectVendor + ".sql");
        }
        return source;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    void execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(quoted(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** The value of a LockoutEnd column in this vendor's type. */
    Object lockoutEnd(Instant instant) {
        return switch (vendor) {
            // as EF Core's SQLite provider writes a DateTimeOffset
            case "sqlite" ->
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").format(instant.atOffset(ZoneOffset.UTC));
            case "mysql" -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            default -> OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        };
    }

    /** Every row of the seven tables, in a stable order: equal before and after an import that only reads. */
    String contents() {
        StringBuilder out = new StringBuilder();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery(quoted("select * from \"" + table + "\""))) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                    rows.sort(null);
                    out.append(table).append(rows).append('\n');
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toString();
    }

    private void runScript(String name) {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/imports/aspnet-identity/" + name)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            // comment lines out (no regular expression with a dollar sign: the archetype filters Java with Velocity)
            String withoutComments =
                    script.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(name, ex);
        }
    }

    private String quoted(String sql) {
        return "mysql".equals(vendor) ? sql.replace('"', '`') : sql;
    }

    @Override
    public void close() {
        if (database != null) {
            database.drop();
        }
        dropOwnDatabase.run();
    }
}
