package com.example.authserver.imports.aspnet;

import com.example.authserver.imports.ImportFailure;
import com.example.authserver.imports.SourceConnection;
import com.example.authserver.imports.aspnet.AspNetRows.Claim;
import com.example.authserver.imports.aspnet.AspNetRows.Login;
import com.example.authserver.imports.aspnet.AspNetRows.Role;
import com.example.authserver.imports.aspnet.AspNetRows.Snapshot;
import com.example.authserver.imports.aspnet.AspNetRows.Token;
import com.example.authserver.imports.aspnet.AspNetRows.User;
import com.example.authserver.imports.aspnet.AspNetRows.UserData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the seven tables of ASP.NET Core Identity as Entity Framework Core creates them (.NET 6 to 10: the same
 * tables and columns; .NET 10 adds AspNetUserPasskeys, which is only counted). The schema is recognised by its
 * tables and the columns the import needs, whatever the vendor's types: a missing one fails the import naming it.
 * Identifiers are quoted the vendor's way (PostgreSQL and SQLite need "AspNetUsers" as EF wrote it, MySQL backticks).
 * Everything is read at once, in one read-only transaction: a consistent snapshot, at the cost of holding it in
 * memory (about 1 KB per user).
 */
final class SourceReader {

    static final Map<String, List<String>> TABLES = tables();

    private final Connection connection;

    private final String quote;

    SourceReader(Connection connection) throws SQLException {
        this.connection = connection;
        String quoteString = connection.getMetaData().getIdentifierQuoteString();
        this.quote = quoteString == null || quoteString.isBlank() ? "" : quoteString.strip();
    }

    /** Checks the seven tables and their columns, and that {@code extraUserColumns} exist in AspNetUsers. */
    void requireIdentitySchema(Collection<String> extraUserColumns) {
        for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
            Set<String> columns = columnsOf(table.getKey());
            for (String column : table.getValue()) {
                if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
                    throw new ImportFailure("Not an ASP.NET Core Identity schema: table " + table.getKey()
                            + " has no column " + column);
                }
            }
        }
        Set<String> userColumns = columnsOf("AspNetUsers");
        for (String column : extraUserColumns) {
            if (!userColumns.contains(column.toLowerCase(Locale.ROOT))) {
                throw new ImportFailure(
                        "The mapping file names column " + column + ", which AspNetUsers does not have");
            }
        }
    }

    Snapshot read(Collection<String> extraUserColumns) {
        try {
            Map<String, List<Claim>> roleClaims = groupBy(
                    "select RoleId, ClaimType, ClaimValue from AspNetRoleClaims order by Id",
                    rs -> new Claim(rs.getString(2), rs.getString(3)));
            List<Role> roles = list(
                    "select Id, Name, ConcurrencyStamp from AspNetRoles order by Id",
                    rs -> new Role(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            List.copyOf(roleClaims.getOrDefault(rs.getString(1), List.of()))));
            List<User> users = list(usersQuery(extraUserColumns), rs -> UserRow.read(rs, extraUserColumns));
            Map<String, List<String>> roleIds =
                    groupBy("select UserId, RoleId from AspNetUserRoles", rs -> rs.getString(2));
            Map<String, List<Claim>> claims = groupBy(
                    "select UserId, ClaimType, ClaimValue from AspNetUserClaims order by Id",
                    rs -> new Claim(rs.getString(2), rs.getString(3)));
            Map<String, List<Login>> logins = groupBy(
                    "select UserId, LoginProvider, ProviderKey, ProviderDisplayName from AspNetUserLogins",
                    rs -> new Login(rs.getString(2), rs.getString(3), rs.getString(4)));
            Map<String, List<Token>> tokens = groupBy(
                    "select UserId, LoginProvider, Name, Value from AspNetUserTokens",
                    rs -> new Token(rs.getString(2), rs.getString(3), rs.getString(4)));
            Map<String, UserData> data = new HashMap<>();
            for (User user : users) {
                String id = user.id();
                data.put(
                        id,
                        new UserData(
                                sorted(roleIds.get(id), Comparator.naturalOrder()),
                                List.copyOf(claims.getOrDefault(id, List.of())),
                                sorted(
                                        logins.get(id),
                                        Comparator.comparing(Login::loginProvider)
                                                .thenComparing(Login::providerKey)),
                                sorted(
                                        tokens.get(id),
                                        Comparator.comparing(Token::loginProvider)
                                                .thenComparing(Token::name))));
            }
            return new Snapshot(roles, users, data, countPasskeys());
        } catch (SQLException ex) {
            throw new ImportFailure("Could not read the source database: " + SourceConnection.firstLine(ex));
        }
    }

    private String usersQuery(Collection<String> extraUserColumns) {
        List<String> columns = new ArrayList<>(TABLES.get("AspNetUsers"));
        columns.addAll(extraUserColumns);
        return "select " + String.join(", ", columns) + " from AspNetUsers order by Id";
    }

    /** .NET 10's passkeys: counted, not carried over (README: what is not carried over). */
    private long countPasskeys() {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(quoted("select count(*) from AspNetUserPasskeys"))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            return 0; // no such table before .NET 10
        }
    }

    private Set<String> columnsOf(String table) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(quoted("select * from " + table + " where 1 = 0"))) {
            ResultSetMetaData meta = rs.getMetaData();
            Set<String> columns = new TreeSet<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        } catch (SQLException ex) {
            throw new ImportFailure("Not an ASP.NET Core Identity schema: no table " + table + " ("
                    + SourceConnection.firstLine(ex) + ")");
        }
    }

    /** Quotes every AspNet* table and every column name the import uses (they are the same words in every vendor). */
    private String quoted(String sql) {
        StringBuilder out = new StringBuilder();
        for (String word : sql.split("((?<=[\\s,()])|(?=[\\s,()]))")) {
            out.append(isIdentifier(word) ? quote + word + quote : word);
        }
        return out.toString();
    }

    private static boolean isIdentifier(String word) {
        return !word.isEmpty()
                && Character.isUpperCase(word.charAt(0))
                && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    private <T> List<T> list(String sql, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(quoted(sql))) {
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
        }
        return rows;
    }

    /** Rows grouped by the first column (the user or role id), in the order the query gives. */
    private <T> Map<String, List<T>> groupBy(String sql, RowReader<T> reader) throws SQLException {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(quoted(sql))) {
            while (rs.next()) {
                groups.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(reader.read(rs));
            }
        }
        return groups;
    }

    private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
        return rows == null ? List.of() : rows.stream().sorted(order).toList();
    }

    /** Reads one row; may throw SQLException. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(
                "AspNetUsers",
                List.of(
                        "Id",
                        "UserName",
                        "NormalizedUserName",
                        "Email",
                        "NormalizedEmail",
                        "EmailConfirmed",
                        "PasswordHash",
                        "SecurityStamp",
                        "ConcurrencyStamp",
                        "PhoneNumber",
                        "PhoneNumberConfirmed",
                        "TwoFactorEnabled",
                        "LockoutEnd",
                        "LockoutEnabled",
                        "AccessFailedCount"));
        tables.put("AspNetRoles", List.of("Id", "Name", "NormalizedName", "ConcurrencyStamp"));
        tables.put("AspNetUserRoles", List.of("UserId", "RoleId"));
        tables.put("AspNetUserClaims", List.of("Id", "UserId", "ClaimType", "ClaimValue"));
        tables.put("AspNetRoleClaims", List.of("Id", "RoleId", "ClaimType", "ClaimValue"));
        tables.put("AspNetUserLogins", List.of("LoginProvider", "ProviderKey", "ProviderDisplayName", "UserId"));
        tables.put("AspNetUserTokens", List.of("UserId", "LoginProvider", "Name", "Value"));
        return tables;
    }
}
