package com.example.authserver.admin;

import com.example.authserver.identity.IdentityRole;
import com.example.authserver.keys.SigningKeyOverview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers on the console's home page: users, roles, registered clients and published signing keys; and how many
 * administrators there are (the {@code admin create} command refuses a second one unasked). Counted in
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

    /** How many users hold the administrator role (whatever the case of its name: roles are found normalized). */
    long administrators() {
        Long count = jdbc.queryForObject(
                "select count(*) from user_roles ur join roles r on r.id = ur.role_id where r.normalized_name = ?",
                Long.class,
                IdentityRole.ADMIN);
        return count == null ? 0 : count;
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
