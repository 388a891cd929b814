package com.example.authserver.admin;

import com.example.authserver.keys.SigningKeyOverview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers on the console's home page: users, roles, registered clients and published signing keys. Counted in
 * the database (one {@code count(*)} per table, no rows loaded), so the page stays fast with a million users.
 */
@Component
class ConsoleCounts {

    /** What the home page shows. */
    record Counts(long users, long roles, long clients, long signingKeys) {}

    private final JdbcTemplate jdbc;

    private final SigningKeyOverview signingKeys;

    ConsoleCounts(JdbcTemplate jdbc, SigningKeyOverview signingKeys) {
        this.jdbc = jdbc;
        this.signingKeys = signingKeys;
    }

    Counts now() {
        return new Counts(
                count("users"),
                count("roles"),
                count("oauth2_registered_client"),
                signingKeys.publishedKeys().size());
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
