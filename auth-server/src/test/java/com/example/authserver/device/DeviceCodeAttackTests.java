package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** What someone who is not the device's owner tries: every attempt leaves the device waiting, or refused. */
@ServerTest
class DeviceCodeAttackTests {

    static final String OTHER_DEVICE = "device.other";

    static final String SHORT_LIVED_DEVICE = "device.short-lived";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    RegisteredClientRepository clients;

    DeviceClient device;

    DeviceUser owner;

    DeviceUser attacker;

    @BeforeEach
    void setUp() {
        device = new DeviceClient(server.issuer(), DeviceClient.DEVICE);
        owner = new DeviceUser(server.browser(), users.create("device-owner").getUserName());
        attacker =
                new DeviceUser(server.browser(), users.create("device-attacker").getUserName());
    }

    @Test
    void aWrongCodeShowsTheFormAgainAndNoConsentPage() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");

        Page page = attacker.enter("BCDF-GHJK".equals(started.getUserCode().getValue()) ? "BCDF-GHJL" : "BCDF-GHJK");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/activate");
        assertThat(page.document().selectFirst("#user_code-error")).isNotNull();
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");
    }

    @Test
    void someoneElsesCodeIsRefusedOnceItWasUsed() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        owner.approve(started.getUserCode().getValue());

        Page page = attacker.enter(started.getUserCode().getValue());

        assertThat(page.uri().getPath()).isEqualTo("/activate");
        assertThat(page.document().selectFirst("#user_code-error")).isNotNull();
        assertThat(device.poll(started.getDeviceCode()).indicatesSuccess()).isTrue();
    }

    @Test
    void theDeviceCodeIsRefusedOnceItBroughtItsTokens() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("scope1");
        owner.approve(started.getUserCode().getValue());
        assertThat(device.poll(started.getDeviceCode()).indicatesSuccess()).isTrue();

        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("invalid_grant");
    }

    @Test
    void aDeviceCodeIsRefusedToAnotherClient() throws Exception {
        register(OTHER_DEVICE, Duration.ofMinutes(5));
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        owner.approve(started.getUserCode().getValue());

        DeviceClient other = new DeviceClient(server.issuer(), OTHER_DEVICE);

        assertThat(DeviceClient.error(other.poll(started.getDeviceCode()))).isEqualTo("invalid_grant");
    }

    @Test
    void aDeviceClientWithoutOpenidCannotAskForIt() throws Exception {
        register(OTHER_DEVICE, Duration.ofMinutes(5));

        DeviceAuthorizationResponse response =
                new DeviceClient(server.issuer(), OTHER_DEVICE).authorize("openid profile");

        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void clientsThatAreNotPublicDeviceClientsCannotStartWithTheirIdAlone() throws Exception {
        for (String clientId : List.of("interactive", "m2m.client", "no.such.client")) {
            DeviceAuthorizationResponse response = new DeviceClient(server.issuer(), clientId).authorize("profile");

            assertThat(response.indicatesSuccess()).as(clientId).isFalse();
            assertThat(response.toErrorResponse().getErrorObject().getCode())
                    .as(clientId)
                    .isEqualTo("invalid_client");
        }
    }

    @Test
    void anExpiredCodeGivesExpiredTokenAndIsRefusedOnThePage() throws Exception {
        register(SHORT_LIVED_DEVICE, Duration.ofSeconds(1));
        DeviceClient shortLived = new DeviceClient(server.issuer(), SHORT_LIVED_DEVICE);
        DeviceAuthorizationSuccessResponse started = shortLived.start("profile");
        Thread.sleep(1_500);

        Page page = owner.enter(started.getUserCode().getValue());

        assertThat(page.document().selectFirst("#user_code-error")).isNotNull();
        assertThat(DeviceClient.error(shortLived.poll(started.getDeviceCode()))).isEqualTo("expired_token");
    }

    @Test
    void hugeAndMalformedCodesShowTheFormAgain() throws Exception {
        Page form = owner.open("/activate");
        for (String typed : List.of(
                "x".repeat(100_000),
                "0000-0000",
                "BCDF-GHJ",
                "BCDF-GHJKL",
                "ＢＣＤＦ-ＧＨＪＫ",
                "' or 1=1 --",
                "<script>alert(1)</script>",
                "")) {
            Page page = owner.browser().submit(form, "form[action$=/activate]", Map.of("user_code", typed));

            assertThat(page.status()).as("%.40s", typed).isEqualTo(200);
            assertThat(page.document().selectFirst("#user_code-error"))
                    .as("%.40s", typed)
                    .isNotNull();
            assertThat(page.body()).doesNotContain("<script>alert");
        }
        Page controlCharacter =
                owner.browser().submit(form, "form[action$=/activate]", Map.of("user_code", "BCDF\u0000GHJK"));
        assertThat(controlCharacter.status())
                .as("refused by the request firewall")
                .isEqualTo(400);
    }

    @Test
    void theLinkFillsInNothingButACode() {
        Page page = owner.open("/activate?user_code=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert");
        assertThat(page.document().selectFirst("#user_code").val()).isEmpty();
    }

    @Test
    void aCodePostedWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        owner.open("/activate");

        Page page = owner.browser()
                .post(
                        "/activate",
                        List.of(Map.entry("user_code", started.getUserCode().getValue())));

        assertThat(page.status()).isEqualTo(403);
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");
    }

    @Test
    void aCodePostedBySomeoneNotSignedInLeadsToTheSignInPage() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        Browser stranger = server.browser();
        Page login = stranger.navigate("/login");
        String csrf = login.document().selectFirst("input[name=_csrf]").val();

        Page page = stranger.post(
                "/activate",
                List.of(
                        Map.entry("_csrf", csrf),
                        Map.entry("user_code", started.getUserCode().getValue())));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");
    }

    @Test
    void theFrameworksVerificationEndpointTakesNoCode() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        owner.open("/activate");
        String code = started.getUserCode().getValue();

        Page get = owner.browser().get("/oauth2/device_verification?user_code=" + code);
        Page post = owner.browser().post("/oauth2/device_verification", List.of(Map.entry("user_code", code)));

        assertThat(get.status()).isEqualTo(400);
        assertThat(post.status()).isEqualTo(400);
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");
    }

    @Test
    void anotherUserCannotAnswerTheConsentOfTheOwner() throws Exception {
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        Page consent = owner.enter(started.getUserCode().getValue());
        assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
        attacker.open("/activate");

        Page page = attacker.browser().submit(consent, "#consent-allow", Map.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");
    }

    private void register(String clientId, Duration codeLifetime) {
        if (clients.findByClientId(clientId) != null) {
            return;
        }
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .scope("profile")
                .tokenSettings(TokenSettings.builder()
                        .deviceCodeTimeToLive(codeLifetime)
                        .reuseRefreshTokens(false)
                        .build())
                .build());
    }
}
