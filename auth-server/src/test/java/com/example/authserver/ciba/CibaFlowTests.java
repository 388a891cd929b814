package com.example.authserver.ciba;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.ciba.AuthRequestID;
import com.nimbusds.oauth2.sdk.ciba.CIBARequestAcknowledgement;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * CIBA poll mode end to end, with the Nimbus SDK as the client and a browser as the user: the request, the email, the
 * /ciba page, and the token endpoint's answers while pending, too fast, denied, expired and approved.
 */
@ServerTest
class CibaFlowTests {

    static final Duration PAST_INTERVAL = Duration.ofSeconds(6);

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

    ApplicationUser user;

    Browser browser;

    @BeforeEach
    void signIn() {
        user = users.create("ciba");
        browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theUserApprovesOnTheirPageAndThePollGetsTokensOnce() throws Exception {
        CibaClient client =
                new CibaClient(server.issuer(), CibaClient.DEVELOPMENT_CLIENT, CibaClient.DEVELOPMENT_SECRET);
        CIBARequestAcknowledgement started = client.start(user.getEmail(), "openid profile scope1", "Order 4711");
        assertThat(started.getExpiresIn()).isEqualTo(300);
        assertThat(started.getMinWaitInterval()).isEqualTo(5);
        AuthRequestID authReqId = started.getAuthRequestID();
        assertThat(client.pollError(authReqId)).isEqualTo("authorization_pending");

        TestMailServer.ReceivedMail mail = TestMailServer.awaitMailAbout(user.getEmail(), "approve a sign-in");
        assertThat(mail.text()).contains("CIBA client", "Order 4711");
        String link = mail.link("/ciba");
        Page page = browser.navigate(link);
        assertThat(page.status()).isEqualTo(200);
        var row = CibaPage.row(page, "Order 4711");
        assertThat(row).as("listed on /ciba").isNotNull();
        assertThat(row.text()).contains("CIBA client", "openid profile scope1", "minutes");

        Page approved = CibaPage.decide(browser, "Order 4711", "approve");
        assertThat(approved.document().select("[role=status]").text()).startsWith("Approved.");
        assertThat(CibaPage.row(approved, "Order 4711")).as("no longer pending").isNull();

        clock.advance(PAST_INTERVAL);
        TokenResponse response = client.poll(authReqId);
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        Tokens tokens = response.toSuccessResponse().getTokens();
        assertThat(tokens.getRefreshToken())
                .as("the client has the refresh_token grant")
                .isNotNull();
        OidcClient oidc = server.client(CibaClient.DEVELOPMENT_CLIENT, CibaClient.DEVELOPMENT_SECRET);
        JWTClaimsSet idToken = oidc.validateIdToken(
                ((OIDCTokenResponse) response).getOIDCTokens().getIDToken(), null);
        assertThat(idToken.getSubject()).isEqualTo(user.getId());
        assertThat(idToken.getAudience()).containsExactly(CibaClient.DEVELOPMENT_CLIENT);
        assertThat(idToken.getStringClaim("name")).isEqualTo("Test User");
        assertThat(tokens.getAccessToken().getScope().toStringList())
                .containsExactlyInAnyOrder("openid", "profile", "scope1");
        assertThat(oidc.userInfo(tokens.getAccessToken())
                        .toSuccessResponse()
                        .getUserInfo()
                        .getSubject()
                        .getValue())
                .isEqualTo(user.getId());
        assertThat(oidc.introspect(tokens.getAccessToken()).toSuccessResponse().isActive())
                .isTrue();

        clock.advance(PAST_INTERVAL);
        assertThat(client.pollError(authReqId)).as("one use only").isEqualTo("invalid_grant");
        TokenResponse refreshed = oidc.refresh(tokens.getRefreshToken());
        assertThat(refreshed.indicatesSuccess())
                .as("the refresh token works: %s", refreshed)
                .isTrue();
        assertThat(oidc.revoke(tokens.getAccessToken()).getStatusCode()).isEqualTo(200);
        assertThat(oidc.introspect(tokens.getAccessToken()).toSuccessResponse().isActive())
                .as("revoked")
                .isFalse();
    }

    @Test
    void theHomeAndAccountPagesLinkToTheRequests() {
        for (String path : List.of("/", "/account")) {
            assertThat(browser.navigate(path).document().select("a[href=/ciba]"))
                    .as(path)
                    .isNotEmpty();
        }
        Page empty = browser.navigate("/ciba");
        assertThat(empty.document().select("tr[data-request]")).isEmpty();
        assertThat(empty.document().select("main").text()).contains("No application is waiting for you.");
        assertThat(server.browser().get("/ciba").location())
                .as("visitors sign in first")
                .endsWith("/login");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothDiscoveryDocumentsAdvertisePollMode() throws Exception {
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            Map<String, Object> metadata = JSONObjectUtils.parse(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.issuer() + document))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(metadata)
                    .as(document)
                    .containsEntry("backchannel_authentication_endpoint", server.issuer() + "/oauth2/bc-authorize")
                    .containsEntry("backchannel_token_delivery_modes_supported", List.of("poll"))
                    .containsEntry("backchannel_user_code_parameter_supported", false);
            assertThat((List<Object>) metadata.get("grant_types_supported"))
                    .as(document)
                    .contains("urn:openid:params:grant-type:ciba", "authorization_code", "refresh_token");
        }
    }

    @Test
    void aDeniedRequestGetsAccessDenied() throws Exception {
        CibaClient client = CibaClient.registered(server.issuer(), clients, hashing);
        AuthRequestID authReqId =
                client.start(user.getUserName(), "openid", "Deny me").getAuthRequestID();

        Page denied = CibaPage.decide(browser, "Deny me", "deny");
        assertThat(denied.document().select("[role=status]").text()).startsWith("Denied.");

        assertThat(CibaPage.row(denied, "Deny me")).as("no longer pending").isNull();
        assertThat(client.pollError(authReqId)).isEqualTo("access_denied");
    }

    @Test
    void aRequestExpiresForTheClientAndThePage() throws Exception {
        CibaClient client = CibaClient.registered(server.issuer(), clients, hashing);
        CIBARequestAcknowledgement started = client.start(
                client.builder(user.getUserName(), "openid", "Too late").requestedExpiry(60));
        assertThat(started.getExpiresIn()).isEqualTo(60);
        Page page = browser.navigate("/ciba");
        String id = CibaPage.row(page, "Too late").attr("data-request");

        clock.advance(Duration.ofSeconds(61));
        assertThat(client.pollError(started.getAuthRequestID())).isEqualTo("expired_token");
        Page later = browser.navigate("/ciba");
        assertThat(CibaPage.row(later, "Too late")).as("no longer listed").isNull();
        Page approve = browser.follow(browser.submit(page, "form[action$=/ciba/approve]", Map.of("id", id)));
        assertThat(approve.document().select("[role=alert]").text()).contains("expired or was already decided");
        assertThat(client.pollError(started.getAuthRequestID())).isEqualTo("expired_token");
    }

    @Test
    void pollingFasterThanTheIntervalSlowsDownAndTheIntervalGrows() throws Exception {
        CibaClient client = CibaClient.registered(server.issuer(), clients, hashing);
        AuthRequestID authReqId =
                client.start(user.getUserName(), "openid", "Slow down").getAuthRequestID();

        assertThat(client.pollError(authReqId)).isEqualTo("authorization_pending");
        assertThat(client.pollError(authReqId)).isEqualTo("slow_down");
        clock.advance(PAST_INTERVAL);
        assertThat(client.pollError(authReqId)).as("the interval is now 10 s").isEqualTo("slow_down");
        clock.advance(Duration.ofSeconds(16));
        assertThat(client.pollError(authReqId)).isEqualTo("authorization_pending");
    }

    @Test
    void twoPollsAtOnceGetTheTokensOnlyOnce() throws Exception {
        CibaClient client = CibaClient.registered(server.issuer(), clients, hashing);
        List<AuthRequestID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.start(user.getUserName(), "openid", "Race " + i).getAuthRequestID());
            CibaPage.decide(browser, "Race " + i, "approve");
        }
        clock.advance(PAST_INTERVAL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (AuthRequestID id : ids) {
                CountDownLatch start = new CountDownLatch(1);
                Callable<TokenResponse> poll = () -> {
                    start.await();
                    return client.poll(id);
                };
                List<Future<TokenResponse>> polls = List.of(pool.submit(poll), pool.submit(poll), pool.submit(poll));
                start.countDown();
                int successes = 0;
                for (Future<TokenResponse> result : polls) {
                    TokenResponse response = result.get();
                    if (response.indicatesSuccess()) {
                        successes++;
                    } else {
                        assertThat(response.toErrorResponse().getErrorObject().getCode())
                                .isIn("slow_down", "invalid_grant");
                    }
                }
                assertThat(successes).as("exactly one poll gets the tokens").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
