package com.example.authserver.ciba;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.ciba.AuthRequestID;
import com.nimbusds.oauth2.sdk.ciba.CIBAResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * What a malicious client or user tries against CIBA: polling someone else's request, approving someone else's,
 * replaying, calling without or with wrong credentials, and bad, huge or hostile parameters. Every refusal is the
 * protocol's JSON error, never a server error.
 */
@ServerTest
class CibaAttackTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    TestClock clock;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    @Autowired
    CibaProperties properties;

    @Autowired
    UserManager userManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CibaRequests requests;

    ApplicationUser user;

    CibaClient client;

    @BeforeEach
    void setUp() {
        user = users.create("ciba-attack");
        client = CibaClient.registered(server.issuer(), clients, hashing);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anotherClientCannotPollMyRequest() throws Exception {
        AuthRequestID mine = client.start(user.getUserName(), "openid", "Mine").getAuthRequestID();
        approve(user, "Mine");
        CibaClient other = CibaClient.registered(server.issuer(), clients, hashing);

        assertThat(other.pollError(mine)).isEqualTo("invalid_grant");
        assertThat(client.poll(mine).indicatesSuccess())
                .as("still mine to redeem")
                .isTrue();
    }

    @Test
    void anUnknownAuthReqIdIsAnInvalidGrant() throws Exception {
        assertThat(client.pollError(new AuthRequestID())).isEqualTo("invalid_grant");
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorized() throws Exception {
        CibaClient interactive = new CibaClient(server.issuer(), OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
        CibaClient.Answer answer = interactive.send(form("login_hint", user.getUserName()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("unauthorized_client");

        AuthRequestID mine =
                client.start(user.getUserName(), "openid", "Not yours").getAuthRequestID();
        assertThat(interactive.pollError(mine)).isEqualTo("unauthorized_client");
    }

    @Test
    void aUserCannotSeeOrDecideAnotherUsersRequest() throws Exception {
        AuthRequestID theirs =
                client.start(user.getUserName(), "openid", "Theirs").getAuthRequestID();
        String id = jdbc.queryForObject(
                "select id from ciba_request where auth_req_id_hash = ?",
                String.class,
                CibaRequests.hash(theirs.getValue()));
        ApplicationUser attacker = users.create("ciba-attacker");
        Browser browser = server.browser();
        browser.signIn(attacker.getUserName(), TestUsers.PASSWORD);
        Page page = browser.navigate("/ciba");
        assertThat(CibaPage.row(page, "Theirs")).isNull();
        String csrf = csrf(browser.navigate("/account/profile"));

        for (String decision : List.of("approve", "deny")) {
            Page answer = browser.post("/ciba/" + decision, List.of(Map.entry("id", id), Map.entry("_csrf", csrf)));
            assertThat(answer.status()).as(decision).isEqualTo(404);
        }
        Page missing = browser.post("/ciba/approve", List.of(Map.entry("_csrf", csrf)));
        assertThat(missing.status()).isEqualTo(404);
        Page withoutCsrf = browser.post("/ciba/approve", List.of(Map.entry("id", id)));
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(client.pollError(theirs)).as("still pending").isEqualTo("authorization_pending");
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() throws Exception {
        AuthRequestID authReqId =
                client.start(user.getUserName(), "openid", "Once").getAuthRequestID();
        String id = jdbc.queryForObject(
                "select id from ciba_request where auth_req_id_hash = ?",
                String.class,
                CibaRequests.hash(authReqId.getValue()));
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
        Page page = browser.navigate("/ciba");
        CibaPage.decide(browser, "Once", "deny");

        Page again = browser.follow(
                browser.post("/ciba/approve", List.of(Map.entry("id", id), Map.entry("_csrf", csrf(page)))));
        assertThat(again.document().select("[role=alert]").text()).contains("expired or was already decided");
        assertThat(client.pollError(authReqId)).isEqualTo("access_denied");
    }

    @Test
    void aPasswordChangeAfterTheApprovalEndsTheGrant() throws Exception {
        AuthRequestID authReqId =
                client.start(user.getUserName(), "openid", "Stamp").getAuthRequestID();
        approve(user, "Stamp");
        userManager.updateSecurity(user.getId(), changed -> {});

        assertThat(client.pollError(authReqId)).isEqualTo("invalid_grant");
    }

    @Test
    void aClientThatDoesNotAuthenticateIsRefused() throws Exception {
        List<Map.Entry<String, String>> request = form("login_hint", user.getUserName());
        for (String authorization : new String[] {
            null,
            "Basic " + java.util.Base64.getEncoder().encodeToString((client.clientId() + ":wrong").getBytes()),
            "Bearer x"
        }) {
            CibaClient.Answer answer = client.send(request, authorization);
            assertThat(answer.status())
                    .as("%s: %s", authorization, answer.body())
                    .isEqualTo(401);
            assertThat(answer.error()).isEqualTo("invalid_client");
        }
        CibaClient.Answer malformed = client.send(request, "Basic !!!");
        assertThat(malformed.status()).as("as at the token endpoint").isEqualTo(400);
        assertThat(malformed.error()).isEqualTo("invalid_request");
        List<Map.Entry<String, String>> posted = new ArrayList<>(request);
        posted.add(Map.entry("client_id", client.clientId()));
        posted.add(Map.entry("client_secret", "wrong"));
        assertThat(client.send(posted, null).error()).isEqualTo("invalid_client");

        Browser signedIn = server.browser();
        signedIn.signIn(user.getUserName(), TestUsers.PASSWORD);
        Page withSession = signedIn.post("/oauth2/bc-authorize", request);
        assertThat(withSession.status()).as("a user's session is no client").isEqualTo(401);
        assertThat(withSession.body()).contains("invalid_client");
    }

    @Test
    void theBindingMessageIsRequiredShortAndPrintable() throws Exception {
        assertError(form("binding_message", null), 400, "invalid_request");
        assertError(form("binding_message", " "), 400, "invalid_request");
        assertError(form("binding_message", "x".repeat(65)), 400, "invalid_binding_message");
        assertError(form("binding_message", "x".repeat(100_000)), 400, "invalid_binding_message");
        assertError(form("binding_message", "Pay\u202Eevil"), 400, "invalid_binding_message");
        assertError(form("binding_message", "line\nbreak"), 400, "invalid_binding_message");
        assertThat(client.send(form("binding_message", "Überweisung 42 €")).status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownUserIsUnknownUserId() throws Exception {
        assertError(form("login_hint", "nobody-" + java.util.UUID.randomUUID()), 400, "unknown_user_id");
        ApplicationUser disabled = users.create("ciba-disabled");
        disabled.setEnabled(false);
        userManager.update(disabled);
        assertError(form("login_hint", disabled.getUserName()), 400, "unknown_user_id");
    }

    @Test
    void loginHintsThatAreNotNamesFindNobody() throws Exception {
        for (String hint : List.of("' or '1'='1", "%", "*", user.getUserName().substring(0, 10) + "%", "${jndi:x}")) {
            assertError(form("login_hint", hint), 400, "unknown_user_id");
        }
        assertError(form("login_hint", "x".repeat(257)), 400, "invalid_request");
        assertError(form("login_hint", "x".repeat(100_000)), 400, "invalid_request");
        assertError(form("login_hint", user.getUserName() + "\u0007"), 400, "invalid_request");
        // the firewall refuses a NUL before any endpoint, with the same error
        assertError(form("login_hint", user.getUserName() + "\u0000"), 400, "invalid_request");
        assertError(form("login_hint", null), 400, "invalid_request");
        List<Map.Entry<String, String>> twoHints = form("login_hint", user.getUserName());
        twoHints.add(Map.entry("id_token_hint", "eyJhbGciOiJub25lIn0.e30."));
        assertError(twoHints, 400, "invalid_request");
        List<Map.Entry<String, String>> tokenHint = form("login_hint", null);
        tokenHint.add(Map.entry("login_hint_token", "eyJhbGciOiJub25lIn0.e30."));
        assertError(tokenHint, 400, "invalid_request");
        List<Map.Entry<String, String>> repeated = form("login_hint", user.getUserName());
        repeated.add(Map.entry("login_hint", "someone-else"));
        assertError(repeated, 400, "invalid_request");
    }

    @Test
    void scopesMustIncludeOpenidAndBeTheClients() throws Exception {
        assertError(form("scope", "openid scope2"), 400, "invalid_scope");
        assertError(form("scope", "profile"), 400, "invalid_scope");
        assertError(form("scope", "openid " + "x".repeat(2000)), 400, "invalid_scope");
        assertError(form("scope", null), 400, "invalid_request");
        assertError(form("requested_expiry", "0"), 400, "invalid_request");
        assertError(form("requested_expiry", "999999999999"), 400, "invalid_request");
        assertError(form("requested_expiry", "-5"), 400, "invalid_request");
        assertError(form("acr_values", "mfa"), 400, "invalid_request");
        assertError(form("user_code", "1234"), 400, "invalid_request");
    }

    @Test
    void theEndpointIsRateLimitedPerClient() throws Exception {
        int attempts = properties.getRateLimit().getAttempts();
        properties.getRateLimit().setAttempts(3); // a new limit starts new buckets (ratelimit/BucketKeys)
        try {
            for (int i = 0; i < 3; i++) {
                assertError(form("login_hint", "nobody-" + i), 400, "unknown_user_id");
            }
            assertError(form("login_hint", user.getUserName()), 429, "slow_down");
            CibaClient other = CibaClient.registered(server.issuer(), clients, hashing);
            assertThat(other.send(form("login_hint", user.getUserName())).status())
                    .as("another client has its own limit")
                    .isEqualTo(200);
        } finally {
            properties.getRateLimit().setAttempts(attempts);
        }
    }

    @Test
    void expiredRequestsAreDeletedADayAfterTheyExpire() throws Exception {
        AuthRequestID authReqId =
                client.start(user.getUserName(), "openid", "Forgotten").getAuthRequestID();
        clock.advance(properties.getLifetime().plus(Duration.ofHours(1)));
        requests.deleteExpired();
        assertThat(client.pollError(authReqId)).as("kept a while").isEqualTo("expired_token");

        clock.advance(CibaRequests.KEPT_AFTER_EXPIRY);
        assertThat(requests.deleteExpired()).isPositive();
        assertThat(client.pollError(authReqId)).isEqualTo("invalid_grant");
    }

    @Test
    void theNimbusClientReadsTheErrors() throws Exception {
        CIBAResponse response = client.request(client.builder("nobody-at-all", "openid", "Hello"));
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("unknown_user_id");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(400);
    }

    private void approve(ApplicationUser owner, String bindingMessage) {
        Browser browser = server.browser();
        browser.signIn(owner.getUserName(), TestUsers.PASSWORD);
        CibaPage.decide(browser, bindingMessage, "approve");
    }

    /** A valid request for the user, with {@code name} set to {@code value} (or left out when null). */
    private List<Map.Entry<String, String>> form(String name, String value) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Map<String, String> valid =
                Map.of("scope", "openid profile", "login_hint", user.getUserName(), "binding_message", "Attack");
        valid.forEach((field, fieldValue) -> {
            if (!field.equals(name)) {
                fields.add(Map.entry(field, fieldValue));
            }
        });
        if (value != null) {
            fields.add(Map.entry(name, value));
        }
        return fields;
    }

    private void assertError(List<Map.Entry<String, String>> fields, int status, String error) throws Exception {
        CibaClient.Answer answer = client.send(fields);
        assertThat(answer.status()).as("%s -> %s", fields, answer.body()).isEqualTo(status);
        assertThat(answer.error()).as("%s", answer.body()).isEqualTo(error);
        assertThat(answer.json()).containsKey("error_description");
    }

    private static String csrf(Page page) {
        return page.document().selectFirst("input[name=_csrf]").val();
    }
}
