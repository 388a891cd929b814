package com.example.authserver.admin.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.admin.Administrators;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.keys.SigningKeyOverview;
import com.example.authserver.keys.SigningKeyOverview.Phase;
import com.example.authserver.keys.SigningKeyOverview.PublishedKey;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signing keys page shows what the JWKS publishes, and "rotate now" publishes a new key at once that signs only
 * after the propagation time, as the scheduled rotation does: a client with a cached JWKS never meets a token it
 * cannot verify. The only test of the shared server that rotates: the new key waits there, signing only for a test
 * that moves the clock past its activation.
 */
@ServerTest
class SigningKeysPageTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    SigningKeyOverview signingKeys;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rotateNowPublishesANewKeyThatSignsOnlyAfterThePropagationTime() throws Exception {
        ApplicationUser admin = Administrators.create(testUsers, roleManager, userManager);
        Browser browser = server.browser();
        browser.signIn(admin.getUserName(), TestUsers.PASSWORD);
        String signing = kidOfNewToken();

        Page page = browser.navigate("/admin/keys");
        assertThat(page.status()).isEqualTo(200);
        assertThat(rows(page)).extracting(row -> row.attr("data-kid")).containsExactlyElementsOf(publishedKids());
        assertThat(rows(page))
                .filteredOn(row -> row.attr("data-phase").equals("CURRENT"))
                .extracting(row -> row.attr("data-kid"))
                .containsExactly(signing);

        Page rotated = browser.follow(browser.submit(page, "form[action$=/admin/keys/rotate]", Map.of()));

        assertThat(rotated.document().select("[role=status]").text()).contains("A new key is published");
        List<String> published = publishedKids();
        String next = published.get(0);
        assertThat(published).hasSize(rows(page).size() + 1).contains(signing);
        assertThat(next).isNotEqualTo(signing);
        assertThat(rows(rotated))
                .filteredOn(row -> row.attr("data-kid").equals(next))
                .extracting(row -> row.attr("data-phase"))
                .containsExactly("NEXT");
        assertThat(rotated.document().selectFirst("#rotate-now"))
                .as("one waiting key at a time")
                .isNull();
        assertThat(rotated.document().selectFirst("#next-key-waiting").text()).contains(next);
        assertThat(kidOfNewToken()).as("published, not signing yet").isEqualTo(signing);
        List<AuditEvent> events = auditTrail
                .search(new AuditQuery(null, null, AuditEventType.SIGNING_KEY_ROTATED, null, null), 0, 10)
                .events();
        assertThat(events)
                .anySatisfy(event -> assertThat(event.detail()).contains(next))
                .anySatisfy(event -> assertThat(event.actor()).isEqualTo(admin.getUserName()));

        // a second press (another administrator's page, say) changes nothing while a key waits
        Page again = browser.follow(browser.post(
                "/admin/keys/rotate",
                List.of(Map.entry(
                        "_csrf",
                        page.form("form[action$=/admin/keys/rotate]")
                                .selectFirst("input[name=_csrf]")
                                .val()))));
        assertThat(again.document().select("[role=status]").text()).contains("already waiting");
        assertThat(publishedKids()).isEqualTo(published);

        PublishedKey waiting = signingKeys.nextKey().orElseThrow();
        assertThat(Duration.between(waiting.createdAt(), waiting.activatesAt())).isPositive();
        clock.advance(Duration.between(clock.instant(), waiting.activatesAt()).plusSeconds(1));
        assertThat(kidOfNewToken())
                .as("signs once its propagation time is over")
                .isEqualTo(next);
        assertThat(signingKeys.publishedKeys())
                .filteredOn(key -> key.kid().equals(signing))
                .extracting(PublishedKey::phase)
                .as("the old key stays published for its tokens")
                .containsExactly(Phase.RETIRING);
    }

    @Test
    void aUserWithoutTheAdminRoleCannotRotate() throws Exception {
        Browser alice = server.browser();
        alice.signIn(testUsers.create("alice").getUserName(), TestUsers.PASSWORD);
        String csrf = alice.navigate("/logout")
                .document()
                .selectFirst("input[name=_csrf]")
                .val();
        List<String> before = publishedKids();

        assertThat(alice.post("/admin/keys/rotate", List.of(Map.entry("_csrf", csrf)))
                        .status())
                .isEqualTo(403);
        assertThat(alice.get("/admin/keys").status()).isEqualTo(403);
        assertThat(publishedKids()).isEqualTo(before);
    }

    private static List<Element> rows(Page page) {
        return page.document().select("#signing-keys tbody tr");
    }

    private List<String> publishedKids() throws Exception {
        return JWKSet.load(URI.create(server.issuer() + "/oauth2/jwks").toURL()).getKeys().stream()
                .map(JWK::getKeyID)
                .toList();
    }

    private String kidOfNewToken() throws Exception {
        String token = server.m2mClient()
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
