package com.example.authserver.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own for one test context, created on the database server the project uses and
 * dropped afterwards, so no test depends on what an earlier run left behind.
 * <ul>
 * <li>PostgreSQL projects: embedded PostgreSQL binaries (no install step), or the server named by
 * {@code AUTHFORGE_TEST_POSTGRES_URL} when the system property {@code authforge.test.server=external}
 * (the {@code external-postgresql} build profile sets it).</li>
 * <li>MySQL projects: the server named by {@code AUTHFORGE_TEST_MYSQL_URL} (MySQL 8 or MariaDB 10.6+).</li>
 * <li>Otherwise: a private in-memory H2 database.</li>
 * </ul>
 */
public record TestDatabase(String vendor, String url, String username, String password, String name) {

    static final String POSTGRES_URL_VARIABLE = "AUTHFORGE_TEST_POSTGRES_URL";

    static final String MYSQL_URL_VARIABLE = "AUTHFORGE_TEST_MYSQL_URL";

    /** MySQL Connector/J settings that keep {@code Instant}s exact (as Spring's JDBC stores document). */
    private static ServerUrl postgres;

    private static final String MYSQL_PARAMETERS =
            "preserveInstants=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

    /** Creates a new, empty database for the project's database vendor. */
    public static TestDatabase create() {
        String vendor = projectVendor();
        String name = "authforge_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (vendor) {
            case "postgresql" -> createPostgres(name);
            case "mysql" -> createMysql(name);
            default ->
                new TestDatabase("h2", "jdbc:h2:mem:" + name + ";NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa", "", name);
        };
    }

    /** The Spring properties that point the server at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", username);
        properties.put("spring.datasource.password", password);
        return properties;
    }

    /** Drops the database (H2 in-memory databases go with the JVM). */
    public void drop() {
        switch (vendor) {
            case "postgresql" -> execute(postgresServer(), "drop database if exists " + name + " with (force)");
            case "mysql" -> execute(server(MYSQL_URL_VARIABLE), "drop database if exists " + name);
            default -> {}
        }
    }

    /**
     * The vendor: the system property {@code authforge.test.database} if set, otherwise the vendor whose Flyway
     * migrations the project has (every project has every driver: an import reads any of these databases).
     */
    public static String projectVendor() {
        String configured = System.getProperty("authforge.test.database");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (hasMigrations("postgresql")) {
            return "postgresql";
        }
        if (hasMigrations("mysql")) {
            return "mysql";
        }
        return "h2";
    }

    private static TestDatabase createPostgres(String name) {
        ServerUrl admin = postgresServer();
        execute(admin, "create database " + name);
        return new TestDatabase("postgresql", admin.withDatabase(name, ""), admin.username(), admin.password(), name);
    }

    private static TestDatabase createMysql(String name) {
        ServerUrl server = server(MYSQL_URL_VARIABLE);
        execute(server, "create database " + name + " character set utf8mb4 collate utf8mb4_bin");
        return new TestDatabase(
                "mysql", server.withDatabase(name, MYSQL_PARAMETERS), server.username(), server.password(), name);
    }

    /**
     * The PostgreSQL server of this test run: the one named by {@code AUTHFORGE_TEST_POSTGRES_URL} when
     * {@code authforge.test.server=external}, else embedded PostgreSQL ({@code EmbeddedPostgresServer}).
     */
    private static synchronized ServerUrl postgresServer() {
        if (postgres == null) {
            postgres = useExternalPostgres() ? server(POSTGRES_URL_VARIABLE) : ServerUrl.parse(embeddedPostgresUrl());
        }
        return postgres;
    }

    /**
     * The external server when asked for, and also when running as root with a server named: embedded
     * PostgreSQL refuses to run as root.
     */
    private static boolean useExternalPostgres() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        return "external".equals(System.getProperty("authforge.test.server"))
                || isRoot() && url != null && !url.isBlank();
    }

    /** Embedded PostgreSQL (initdb) refuses to run as root. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Looked up by name: EmbeddedPostgresServer (and its test dependency) exist in PostgreSQL projects only. */
    private static String embeddedPostgresUrl() {
        try {
            return (String) Class.forName(TestDatabase.class.getPackageName() + ".EmbeddedPostgresServer")
                    .getDeclaredMethod("jdbcUrl")
                    .invoke(null);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(
                    "Could not start embedded PostgreSQL", ex.getCause() != null ? ex.getCause() : ex);
        }
    }

    static ServerUrl server(String variable) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Set " + variable + " to a database server the tests may create "
                    + "databases on, for example jdbc:mysql://127.0.0.1:3306/?user=root");
        }
        return ServerUrl.parse(url);
    }

    static void execute(ServerUrl server, String sql) {
        try (Connection connection =
                        DriverManager.getConnection(server.withDatabase("", ""), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + server.withDatabase("", ""), ex);
        }
    }

    private static boolean hasMigrations(String vendor) {
        return TestDatabase.class.getClassLoader().getResource("db/migration/" + vendor) != null;
    }

    /** A JDBC URL split into server, user and password, so another database on that server can be named. */
    record ServerUrl(String prefix, String username, String password) {

        /** Parses {@code jdbc:<vendor>://host:port/[database][?user=...&password=...]}. */
        static ServerUrl parse(String jdbcUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            Map<String, String> query = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] nameValue = pair.split("=", 2);
                    query.put(
                            nameValue[0],
                            nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
                }
            }
            String prefix = "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/";
            return new ServerUrl(prefix, query.getOrDefault("user", ""), query.getOrDefault("password", ""));
        }

        String withDatabase(String database, String parameters) {
            return prefix + database + (parameters.isEmpty() ? "" : "?" + parameters);
        }
    }
}
