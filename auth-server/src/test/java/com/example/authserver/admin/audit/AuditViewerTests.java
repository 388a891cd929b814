package com.example.authserver.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.admin.clients.ConsoleSignIn;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail page of the console over HTTP: access, filters, order, and filters it cannot read. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditViewerTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    AuditTrail audit;

    ConsoleSignIn console;

    /** One administrator for the class: signing in costs a password hash. */
    Browser admin;

    @BeforeAll
    void signIn() {
        console = new ConsoleSignIn(server, testUsers, userManager, roleManager);
        admin = console.admin();
    }

    @Test
    void aUserWithoutTheAdminRoleGets403() {
        Browser user = console.user();
        assertThat(user.get("/admin/audit").status()).isEqualTo(403);
        assertThat(user.get("/admin/audit?type=SIGN_IN_FAILED").status()).isEqualTo(403);
    }

    @Test
    void eventsAreFilteredByUserNameOrIdClientTypeAndTimeNewestFirst() {
        ApplicationUser user = testUsers.create("audited");
        String client = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        audit.record(AuditEvent.of(AuditEventType.CONSENT_GIVEN)
                .user(user)
                .client(client)
                .detail("first"));
        audit.record(AuditEvent.of(AuditEventType.CONSENT_REVOKED)
                .user(user)
                .client(client)
                .detail("second"));
        audit.record(AuditEvent.of(AuditEventType.CLIENT_UPDATED).client(client).detail("third"));

        Page byClient = admin.get("/admin/audit?client=" + client);
        assertThat(byClient.document().select("tbody tr td:nth-child(7)").eachText())
                .containsExactly("third", "second", "first");
        Page byName = admin.get("/admin/audit?user=" + user.getUserName() + "&type=CONSENT_GIVEN");
        assertThat(byName.document().select("tbody tr td:nth-child(7)").eachText())
                .containsExactly("first");
        assertThat(byName.document().select("a[href=/admin/users/" + user.getId() + "]"))
                .isNotEmpty();
        Page byId = admin.get("/admin/audit?user=" + user.getId() + "&client=" + client + "&from="
                + start.toString().substring(0, 16));
        assertThat(byId.document().select("tbody tr")).hasSize(2);
        Page before = admin.get(
                "/admin/audit?client=" + client + "&to=" + start.toString().substring(0, 16));
        assertThat(before.document().select("tbody tr")).isEmpty();
        assertThat(before.body()).contains("No event matches.");
    }

    @Test
    void filtersThatCannotBeReadComeBackWithTheirErrors() {

        Page page = admin.get("/admin/audit?type=NOT_A_TYPE&from=yesterday&to=2026-13-45&client=" + "x".repeat(300));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("p.field-error")).hasSize(4);
        assertThat(page.document().selectFirst("input#from").val()).isEqualTo("yesterday");
        assertThat(page.document().select("table.audit-events")).isEmpty();
        Page reversed = admin.get("/admin/audit?from=2026-12-06T10:00&to=2026-12-06T09:00");
        assertThat(reversed.document().select("p.field-error").text()).contains("after the start");
        assertThat(admin.get("/admin/audit?page=-5").status()).isEqualTo(200);
        assertThat(admin.get("/admin/audit?page=lots").status()).isEqualTo(200);
    }
}
