package com.example.authserver.account.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The manage page lists the account's recent security activity from the audit trail: what the user did, what failed,
 * what an administrator changed; every step of a user's own journey leaves its event.
 */
@ServerTest
class SecurityActivityTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    AuditTrail audit;

    @Test
    void eachStepOfTheUsersJourneyIsRecordedAndListedOnTheManagePage() throws Exception {
        ApplicationUser user = users.create("activity");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), "Wrong-Password-1");
        OidcClient client = server.interactiveClient();
        SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD);
        browser.follow(browser.submit(
                browser.navigate("/account/change-password"),
                "form[action$=/account/change-password]",
                Map.of(
                        "currentPassword",
                        TestUsers.PASSWORD,
                        "password",
                        "Another-Harbor-71",
                        "confirmPassword",
                        "Another-Harbor-71")));
        browser.follow(
                browser.submit(browser.navigate("/account/grants"), "form[action$=/account/grants/revoke]", Map.of()));

        List<AuditEvent> events = audit.recentFor(user.getId(), 10);
        assertThat(events)
                .extracting(AuditEvent::type)
                .containsExactly(
                        AuditEventType.CONSENT_REVOKED,
                        AuditEventType.PASSWORD_CHANGED,
                        AuditEventType.CONSENT_GIVEN,
                        AuditEventType.SIGN_IN_SUCCEEDED,
                        AuditEventType.SIGN_IN_FAILED);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.userName()).isEqualTo(user.getUserName());
            assertThat(event.ipAddress()).isEqualTo("127.0.0.1");
            assertThat(event.actor()).isEqualTo(user.getUserName());
        });
        assertThat(events.get(0).clientId()).isEqualTo(events.get(2).clientId()).isNotNull();
        assertThat(events.get(2).detail()).contains("openid", "profile");
        assertThat(events.get(3).method()).isEqualTo("password");
        assertThat(events.get(4).detail()).isEqualTo("wrong password");

        Page manage = browser.navigate("/account");
        assertThat(manage.document().select("table.activity tbody tr"))
                .extracting(row -> row.select("td").get(1).text())
                .containsExactly(
                        "Consent revoked",
                        "Password changed (account)",
                        "Consent given",
                        "Signed in (password)",
                        "Sign-in failed (password)");
        assertThat(manage.document().select("table.activity tbody tr td:eq(2)").eachText())
                .containsOnly("127.0.0.1");
    }

    @Test
    void aChangeSomeoneElseMadeNamesWhoMadeIt() {
        ApplicationUser user = users.create("activity-admin");
        audit.record(AuditEvent.of(AuditEventType.USER_UNLOCKED)
                .user(user)
                .actor("the-admin")
                .method("console"));
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page manage = browser.navigate("/account");

        assertThat(manage.document().select("table.activity tbody tr td:eq(1)").eachText())
                .contains("User unlocked (console) by an administrator", "Signed in (password)");
        assertThat(manage.body()).doesNotContain("the-admin");
    }
}
