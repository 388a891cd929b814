package com.example.authserver.imports.identityserver;

import com.example.authserver.imports.ImportFailure;
import com.example.authserver.imports.SourceConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads IdentityServer's Entity Framework stores (IdentityServer4 4.x, Duende 6 and 7) over JDBC, read-only: the
 * configuration store's tables, and {@code PersistedGrants} of the operational store, which may be the same database.
 * Table and column names are quoted as Entity Framework creates them (PascalCase), which SQL Server, PostgreSQL
 * (Npgsql), MySQL (Pomelo) and SQLite all accept with the driver's own quote character.
 */
final class DatabaseSource {

    static final List<String> CONFIGURATION_TABLES = List.of(
            "Clients",
            "ClientSecrets",
            "ClientGrantTypes",
            "ClientRedirectUris",
            "ClientPostLogoutRedirectUris",
            "ClientScopes",
            "ClientCorsOrigins",
            "IdentityResources",
            "ApiScopes",
            "ApiResources",
            "ApiResourceScopes");

    static final String GRANTS_TABLE = "PersistedGrants";

    private DatabaseSource() {}

    /** A database's connection settings, as given on the command line. */
    record Location(String url, String user, String password) {}

    /**
     * Reads the configuration store, and the persisted grants from {@code grants} (which must have the table) or,
     * without it, from the configuration database if it has the table.
     */
    static IdentityServerData read(Location configuration, Location grants) {
        try (Connection connection = connect(configuration, "source")) {
            Tables tables = new Tables(connection);
            for (String table : CONFIGURATION_TABLES) {
                tables.require(table);
            }
            Map<Object, List<SourceRow>> secrets = tables.childRows("ClientSecrets");
            Map<Object, List<String>> grantTypes = tables.children("ClientGrantTypes", "GrantType");
            Map<Object, List<String>> redirectUris = tables.children("ClientRedirectUris", "RedirectUri");
            Map<Object, List<String>> postLogout =
                    tables.children("ClientPostLogoutRedirectUris", "PostLogoutRedirectUri");
            Map<Object, List<String>> scopes = tables.children("ClientScopes", "Scope");
            Map<Object, List<String>> origins = tables.children("ClientCorsOrigins", "Origin");
            List<IdentityServerData.Client> clients = new ArrayList<>();
            for (Map<String, Object> row : tables.rows("Clients")) {
                Object id = key(column(row, "Id"));
                clients.add(new IdentityServerData.Client(
                        new SourceRow("Clients", row),
                        secrets.getOrDefault(id, List.of()),
                        grantTypes.getOrDefault(id, List.of()),
                        redirectUris.getOrDefault(id, List.of()),
                        postLogout.getOrDefault(id, List.of()),
                        scopes.getOrDefault(id, List.of()),
                        origins.getOrDefault(id, List.of())));
            }
            Map<Object, List<String>> resourceScopes = tables.children("ApiResourceScopes", "Scope", "ApiResourceId");
            List<IdentityServerData.ApiResource> resources = new ArrayList<>();
            for (Map<String, Object> row : tables.rows("ApiResources")) {
                resources.add(new IdentityServerData.ApiResource(
                        new SourceRow("ApiResources", row),
                        resourceScopes.getOrDefault(key(column(row, "Id")), List.of())));
            }
            List<SourceRow> persistedGrants;
            if (grants != null) {
                persistedGrants = readGrants(grants);
            } else if (tables.exists(GRANTS_TABLE)) {
                persistedGrants = tables.sourceRows(GRANTS_TABLE);
            } else {
                persistedGrants = List.of();
            }
            return new IdentityServerData(
                    clients,
                    tables.sourceRows("ApiScopes"),
                    resources,
                    tables.sourceRows("IdentityResources"),
                    persistedGrants);
        } catch (SQLException ex) {
            throw new ImportFailure("Could not read the source database: " + ex.getMessage(), ex);
        }
    }

    private static List<SourceRow> readGrants(Location grants) throws SQLException {
        try (Connection connection = connect(grants, "grants")) {
            Tables tables = new Tables(connection);
            tables.require(GRANTS_TABLE);
            return tables.sourceRows(GRANTS_TABLE);
        }
    }

    private static Connection connect(Location location, String which) {
        return SourceConnection.open(which + "-url", location.url(), location.user(), location.password());
    }

    /** Ids compared across tables: an int key may come back as Integer in one table and Long in another. */
    private static Object key(Object id) {
        return id instanceof Number n ? n.longValue() : id;
    }

    private static final class Tables {

        private final Connection connection;

        private final String quote;

        Tables(Connection connection) throws SQLException {
            this.connection = connection;
            String q = connection.getMetaData().getIdentifierQuoteString();
            this.quote = q == null || q.isBlank() ? "\"" : q;
        }

        String quoted(String name) {
            return quote + name + quote;
        }

        boolean exists(String table) {
            try (Statement statement = connection.createStatement()) {
                statement
                        .executeQuery("select * from " + quoted(table) + " where 1 = 0")
                        .close();
                return true;
            } catch (SQLException missing) {
                return false;
            }
        }

        void require(String table) {
            if (!exists(table)) {
                throw new ImportFailure("Not an IdentityServer database: table " + table + " not found (expected"
                        + " the Entity Framework stores of IdentityServer4 4.x or Duende IdentityServer 6/7)");
            }
        }

        List<Map<String, Object>> rows(String table) throws SQLException {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select * from " + quoted(table))) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        List<SourceRow> sourceRows(String table) throws SQLException {
            return rows(table).stream().map(row -> new SourceRow(table, row)).toList();
        }

        Map<Object, List<SourceRow>> childRows(String table) throws SQLException {
            Map<Object, List<SourceRow>> byClient = new HashMap<>();
            for (Map<String, Object> row : rows(table)) {
                SourceRow child = new SourceRow(table, row);
                byClient.computeIfAbsent(key(column(row, "ClientId")), id -> new ArrayList<>())
                        .add(child);
            }
            return byClient;
        }

        Map<Object, List<String>> children(String table, String valueColumn) throws SQLException {
            return children(table, valueColumn, "ClientId");
        }

        Map<Object, List<String>> children(String table, String valueColumn, String parentColumn) throws SQLException {
            Map<Object, List<String>> byParent = new HashMap<>();
            for (Map<String, Object> row : rows(table)) {
                Object value = column(row, valueColumn);
                if (value != null) {
                    byParent.computeIfAbsent(key(column(row, parentColumn)), id -> new ArrayList<>())
                            .add(value.toString());
                }
            }
            return byParent;
        }
    }

    /** A column by name whatever the case the driver reports it in. */
    private static Object column(Map<String, Object> row, String name) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
