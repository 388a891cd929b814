package com.example.authserver.logout;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * OpenID Connect Back-Channel Logout: when a session ends, a client authorized in it receives a logout token at its
 * {@code backchannel_logout_uri} (here a real HTTP listener), signed by the server and valid for an independent
 * validator (Nimbus's {@link LogoutTokenValidator} against the JWKS), naming the user and the session.
 */
@ServerTest
class BackChannelLogoutTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    @Autowired
    LogoutQueue.RestartableScheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    LogoutReceiver receiver;

    final Map<OidcClient, String> clientIds = new HashMap<>();

    final Map<OidcClient, String> registeredIds = new HashMap<>();

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void signingOutOnTheSignOutPageSendsAValidLogoutTokenForThatSession() throws Exception {
        receiver = new LogoutReceiver(0);
        OidcClient client = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel");
        Browser browser = server.browser();
        JWT idToken = SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getOIDCTokens()
                .getIDToken();

        receiver.holdAnswers();
        Browser.Page signedOut = browser.submit(browser.navigate("/logout").form("form[action=/logout]"));

        assertThat(signedOut.uri().getPath()).isEqualTo("/login");
        String token = receiver.next(WAIT);
        assertThat(token).as("a logout token was delivered").isNotNull();
        assertThat(receiver.waiting())
                .as("the sign-out page came back while the client had not yet answered the delivery")
                .isEqualTo(1);
        receiver.answer();
        LogoutTokenClaimsSet claims = validate(token, client);
        assertThat(claims.getSubject().getValue()).isEqualTo(user.getId());
        assertThat(claims.getSessionID().getValue())
                .isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"));
        assertThat(JWTParser.parse(token).getJWTClaimsSet().getClaims()).doesNotContainKey("nonce");
    }

    @Test
    void theQueueDeliversAfterTheApplicationStopsAndStartsAgain() throws Exception {
        // a stopped context may be started again (tests share paused contexts): the scheduler must come back
        scheduler.stop();
        scheduler.start();
        receiver = new LogoutReceiver(0);
        OidcClient client = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel-restart");
        Browser browser = server.browser();
        SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD);

        browser.submit(browser.navigate("/logout").form("form[action=/logout]"));

        assertThat(receiver.next(WAIT)).as("a logout token was delivered").isNotNull();
    }

    @Test
    void rpInitiatedLogoutSendsALogoutToken() throws Exception {
        receiver = new LogoutReceiver(0);
        OidcClient client = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel-rp");
        Browser browser = server.browser();
        String idToken = SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getOIDCTokens()
                .getIDTokenString();

        Browser.Page logout = browser.get("/connect/logout?id_token_hint=" + idToken);

        assertThat(logout.status()).isEqualTo(302);
        String token = receiver.next(WAIT);
        assertThat(token).isNotNull();
        assertThat(validate(token, client).getSubject().getValue()).isEqualTo(user.getId());
    }

    @Test
    void aClientThatFailsFirstGetsTheTokenOnARetry() throws Exception {
        receiver = new LogoutReceiver(2);
        OidcClient client = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel-retry");
        Browser browser = server.browser();
        SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD);

        browser.submit(browser.navigate("/logout").form("form[action=/logout]"));

        String token = receiver.next(Duration.ofSeconds(30));
        assertThat(token).as("delivered after two failures").isNotNull();
        assertThat(receiver.requests()).isEqualTo(3);
        validate(token, client);
    }

    @Test
    void aSessionWithoutThatClientSendsNothing() throws Exception {
        receiver = new LogoutReceiver(0);
        OidcClient other = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel-other");
        Browser browser = server.browser();
        SignInFlow.signIn(browser, server.interactiveClient(), "openid", user.getUserName(), TestUsers.PASSWORD);

        browser.submit(browser.navigate("/logout").form("form[action=/logout]"));

        awaitNoDeliveryQueued(other);
        assertThat(receiver.requests()).isZero();
    }

    @Test
    void changingThePasswordSendsALogoutTokenForTheOtherSessionsOnly() throws Exception {
        receiver = new LogoutReceiver(0);
        OidcClient client = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel-password");
        Browser laptop = server.browser();
        Browser phone = server.browser();
        String laptopSid = SignInFlow.signIn(laptop, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getOIDCTokens()
                .getIDToken()
                .getJWTClaimsSet()
                .getStringClaim("sid");
        SignInFlow.signIn(phone, client, "openid", user.getUserName(), TestUsers.PASSWORD);

        Browser.Page changed = phone.follow(phone.submit(
                phone.navigate("/account/change-password"),
                "form[action$=/account/change-password]",
                Map.of(
                        "currentPassword",
                        TestUsers.PASSWORD,
                        "password",
                        "Another-Harbor-71",
                        "confirmPassword",
                        "Another-Harbor-71")));

        assertThat(changed.document().select("h1").text()).isEqualTo("Password changed");
        String token = receiver.next(WAIT);
        assertThat(token).isNotNull();
        assertThat(validate(token, client).getSessionID().getValue()).isEqualTo(laptopSid);
        awaitNoDeliveryQueued(client);
        assertThat(receiver.requests()).as("the phone's session goes on").isEqualTo(1);
    }

    @Test
    void deletingTheAccountSendsALogoutToken() throws Exception {
        receiver = new LogoutReceiver(0);
        OidcClient client = clientWithBackChannel(receiver);
        ApplicationUser user = users.create("backchannel-delete");
        Browser browser = server.browser();
        SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD);

        Browser.Page deleted = browser.follow(browser.submit(
                browser.navigate("/account/personal-data"),
                "form[action$=/account/personal-data/delete]",
                Map.of("confirmation", TestUsers.PASSWORD)));

        assertThat(deleted.document().select("h1").text()).isEqualTo("Account deleted");
        String token = receiver.next(WAIT);
        assertThat(token).isNotNull();
        assertThat(validate(token, client).getSubject().getValue()).isEqualTo(user.getId());
    }

    @Test
    void discoverySaysBackChannelLogoutIsSupportedWithSessions() {
        String discovery =
                server.browser().get("/.well-known/openid-configuration").body();

        assertThat(discovery)
                .contains("\"backchannel_logout_supported\":true")
                .contains("\"backchannel_logout_session_supported\":true");
    }

    /** A client like {@code interactive}, whose back-channel logout URI is the receiver. */
    private OidcClient clientWithBackChannel(LogoutReceiver receiver) {
        String clientId = "backchannel-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        String registeredId = UUID.randomUUID().toString();
        clients.save(RegisteredClient.withId(registeredId)
                .clientId(clientId)
                .clientSecret(hashing.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(OidcClient.REDIRECT_URI.toString())
                .scope("openid")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .setting(
                                LogoutClientSettings.BACK_CHANNEL_URI,
                                receiver.uri().toString())
                        .setting(LogoutClientSettings.BACK_CHANNEL_SESSION_REQUIRED, true)
                        .build())
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(false).build())
                .build());
        OidcClient client = server.client(clientId, secret);
        clientIds.put(client, clientId);
        registeredIds.put(client, registeredId);
        return client;
    }

    /**
     * Waits until no delivery to the client is queued: each was made (or given up). Deliveries are queued by the
     * request that ends the session, so once this returns the receiver has had every request it will get.
     */
    private void awaitNoDeliveryQueued(OidcClient client) throws InterruptedException {
        String registeredId = registeredIds.get(client);
        Instant deadline = Instant.now().plus(WAIT);
        while (jdbc
                .queryForList(
                        "select task_data from scheduled_tasks where task_name = ?",
                        byte[].class,
                        BackChannelDelivery.TASK_NAME)
                .stream()
                .anyMatch(data -> new String(data, StandardCharsets.UTF_8).contains(registeredId))) {
            assertThat(Instant.now())
                    .as("deliveries still queued after " + WAIT)
                    .isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private LogoutTokenClaimsSet validate(String token, OidcClient client) throws Exception {
        LogoutTokenValidator validator = new LogoutTokenValidator(
                new Issuer(server.issuer()),
                new ClientID(clientIds.get(client)),
                true, // typ logout+jwt required
                new JWSVerificationKeySelector<>(
                        JWSAlgorithm.RS256,
                        JWKSourceBuilder.create(new URL(server.issuer() + "/oauth2/jwks"))
                                .build()),
                null);
        return validator.validate(JWTParser.parse(token));
    }
}
