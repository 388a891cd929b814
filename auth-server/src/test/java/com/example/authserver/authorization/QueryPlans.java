package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Asks the database how it would run a query, to check that it goes through an index instead of reading the whole
 * table (so the cost stays flat as the table grows). Knows H2, PostgreSQL and MySQL/MariaDB.
 */
final class QueryPlans {

    private QueryPlans() {}

    static void assertUsesAnIndex(JdbcOperations jdbc, String query, Object parameter) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            String vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (vendor.contains("postgres")) {
                // on a small table PostgreSQL prefers reading it whole; forbidding that shows whether an index exists
                execute(connection, "set enable_seqscan = off");
                try {
                    assertThat(plan(connection, "explain " + query, parameter))
                            .as(query)
                            .doesNotContain("Seq Scan");
                } finally {
                    execute(connection, "reset enable_seqscan");
                }
            } else if (vendor.contains("mysql") || vendor.contains("mariadb")) {
                assertThat(plan(connection, "explain format=json " + query, parameter))
                        .as(query)
                        .doesNotContainPattern("\"access_type\":\\s*\"ALL\"");
            } else {
                assertThat(plan(connection, "explain " + query, parameter))
                        .as(query)
                        .doesNotContainIgnoringCase("tableScan");
            }
            return null;
        });
    }

    private static String plan(Connection connection, String explain, Object parameter) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement(explain)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        plan.append(rows.getString(column)).append(' ');
                    }
                    plan.append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
