package com.example.authserver.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.ServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Seeding at every start must change nothing once the seed data is there. */
@ServerTest
class SeedingIsIdempotentTests {

    @Autowired
    List<Seeder> seeders;

    @Autowired
    UserManager userManager;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedingASecondTimeChangesNothing() throws Exception {
        ApplicationUser alice = userManager.findByName("alice").orElseThrow();
        RegisteredClient interactive = clients.findByClientId("interactive");
        String before = snapshot();

        assertThat(seeders).hasSize(2);
        for (Seeder seeder : seeders) {
            seeder.seed();
        }

        assertThat(snapshot()).isEqualTo(before);
        assertThat(userManager.findByName("alice").orElseThrow().getId()).isEqualTo(alice.getId());
        assertThat(clients.findByClientId("interactive").getId()).isEqualTo(interactive.getId());
    }

    @Test
    void seedUsersHaveTheirClaimsAndConfirmedEmails() {
        ApplicationUser bob = userManager.findByName("bob").orElseThrow();

        assertThat(bob.getEmail()).isEqualTo("BobSmith@example.com");
        assertThat(bob.isEmailConfirmed()).isTrue();
        assertThat(userManager.getClaims(bob))
                .extracting(claim -> claim.getClaimType() + "=" + claim.getClaimValue())
                .containsExactlyInAnyOrder("name=Bob Smith", "website=http://bob.example.com", "location=somewhere");
    }

    @Test
    void theDevelopmentAdministratorHasTheAdminRoleAndNobodyElse() {
        ApplicationUser admin = userManager.findByName("admin").orElseThrow();

        assertThat(admin.getEmail()).isEqualTo("admin@example.com");
        assertThat(admin.isEmailConfirmed()).isTrue();
        assertThat(userManager.getRoleNames(admin)).containsExactly("admin");
        assertThat(userManager.getRoleNames(userManager.findByName("alice").orElseThrow()))
                .isEmpty();
    }

    @Test
    void clientSecretsAreStoredHashed() {
        // the development clients that have a secret only: tests register clients of their own in the shared database
        List<String> secrets = jdbc.queryForList(
                "select client_secret from oauth2_registered_client"
                        + " where client_id in ('m2m.client', 'interactive', 'exchange.client', 'ciba.client',"
                        + " 'par.client', 'scim.client')",
                String.class);

        assertThat(secrets)
                .hasSize(6)
                .allSatisfy(secret -> assertThat(secret).startsWith("{sha256}"))
                .noneMatch(secret -> secret.contains("511536EF")
                        || secret.contains("49C1A7E1")
                        || secret.contains("4A5F0F5E")
                        || secret.contains("8B0C5E1D")
                        || secret.contains("C3D2E1F0")
                        || secret.contains("5E4D3C2B"));
    }

    private String snapshot() {
        return jdbc.queryForList(
                                "select id, user_name, concurrency_stamp from users where user_name in ('alice', 'bob', "
                                        + "'admin') order by user_name")
                        .toString()
                + jdbc.queryForList("select user_id, claim_type, claim_value from user_claims where user_id in "
                                + "(select id from users where user_name in ('alice', 'bob', 'admin')) order by id")
                        .toString()
                + jdbc.queryForList("select user_id, role_id from user_roles where user_id in "
                                + "(select id from users where user_name in ('alice', 'bob', 'admin'))"
                                + " order by user_id, role_id")
                        .toString()
                + jdbc.queryForList("select id, client_id, client_secret, redirect_uris, scopes from "
                                + "oauth2_registered_client order by client_id")
                        .toString();
    }
}
