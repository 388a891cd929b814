package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Failed sign-ins leave their trace: a name nobody has (password spraying) and the start of a lockout. */
@ServerTest
class SignInEventsTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    @Test
    void anAttemptForANameNobodyHasIsRecordedWithTheNameAsTyped() {
        String typed = "nobody-" + UUID.randomUUID();

        server.browser().signIn(typed, "Whatever-1234");

        assertThat(audit.search(
                                new AuditQuery(
                                        null,
                                        null,
                                        AuditEventType.SIGN_IN_FAILED,
                                        clock.instant().minusSeconds(60),
                                        null),
                                0,
                                100)
                        .events())
                .filteredOn(event -> typed.equals(event.userName()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.userId()).isNull();
                    assertThat(event.actor())
                            .as("a typed name is nobody's identity")
                            .isNull();
                    assertThat(event.detail()).isEqualTo("unknown user");
                });
    }

    @Test
    void theStartOfALockoutIsRecorded() {
        ApplicationUser user = users.create("lockout-audit");
        Browser browser = server.browser();
        for (int attempt = 0;
                attempt < 10 && audit.recentFor(user.getId(), 3).stream().noneMatch(SignInEventsTests::lockout);
                attempt++) {
            browser.signIn(user.getUserName(), "Wrong-Password-" + attempt);
        }

        assertThat(audit.recentFor(user.getId(), 20))
                .anySatisfy(event -> assertThat(lockout(event)).isTrue());
    }

    private static boolean lockout(AuditEvent event) {
        return event.type() == AuditEventType.SIGN_IN_LOCKED_OUT;
    }
}
