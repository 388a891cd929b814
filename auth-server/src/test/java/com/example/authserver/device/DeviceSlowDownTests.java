package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code slow_down} (RFC 8628 §3.5): a device that polls before its interval has passed is told to wait longer. */
@ServerTest
class DeviceSlowDownTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    TestClock clock;

    DeviceClient device;

    @BeforeEach
    void setUp() {
        device = new DeviceClient(server.issuer(), DeviceClient.DEVICE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDeviceAuthorizationAnswerNamesTheInterval() throws Exception {
        DeviceAuthorizationRequest request = new DeviceAuthorizationRequest(
                URI.create(server.issuer() + "/oauth2/device_authorization"),
                new ClientID(DeviceClient.DEVICE),
                Scope.parse("profile"));

        JSONObject answer = request.toHTTPRequest().send().getBodyAsJSONObject();

        assertThat(answer.get("interval")).as("%s", answer).isEqualTo(5L);
        assertThat(answer.get("verification_uri")).isEqualTo(server.issuer() + "/activate");
        assertThat((String) answer.get("verification_uri_complete"))
                .isEqualTo(server.issuer() + "/activate?user_code=" + answer.get("user_code"));
        assertThat(answer).containsKeys("device_code", "expires_in");
    }

    @Test
    void pollingAgainWithinTheIntervalGivesSlowDownThenPendingOnceTheLongerIntervalPassed() throws Exception {
        DeviceCode code = device.start("profile").getDeviceCode();
        assertThat(DeviceClient.error(device.poll(code))).isEqualTo("authorization_pending");

        assertThat(DeviceClient.error(device.poll(code))).isEqualTo("slow_down");

        clock.advance(Duration.ofSeconds(10));
        assertThat(DeviceClient.error(device.poll(code))).isEqualTo("authorization_pending");
    }

    @Test
    void theIntervalGrowsByFiveSecondsWithEachSlowDown() throws Exception {
        DeviceCode code = device.start("profile").getDeviceCode();
        assertThat(DeviceClient.error(device.poll(code))).isEqualTo("authorization_pending");
        assertThat(DeviceClient.error(device.poll(code)))
                .as("interval now 10 s")
                .isEqualTo("slow_down");
        assertThat(DeviceClient.error(device.poll(code)))
                .as("interval now 15 s")
                .isEqualTo("slow_down");

        clock.advance(Duration.ofSeconds(11));
        assertThat(DeviceClient.error(device.poll(code)))
                .as("11 s is enough for 10 s, not for 15 s: interval now 20 s")
                .isEqualTo("slow_down");

        clock.advance(Duration.ofSeconds(16));
        assertThat(DeviceClient.error(device.poll(code))).as("16 s < 20 s").isEqualTo("slow_down");

        clock.advance(Duration.ofSeconds(26));
        assertThat(DeviceClient.error(device.poll(code))).isEqualTo("authorization_pending");
    }

    @Test
    void ofRacingPollsOfOneDeviceCodeAtMostOneIsNotSlowDown() throws Exception {
        DeviceCode code = device.start("profile").getDeviceCode();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<String>> polls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                polls.add(() -> DeviceClient.error(device.poll(code)));
            }
            List<String> errors = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(polls)) {
                errors.add(answer.get());
            }

            assertThat(errors).as("%s", errors).containsOnly("authorization_pending", "slow_down");
            assertThat(errors.stream().filter("authorization_pending"::equals))
                    .as("%s", errors)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeviceTooFastBeforeApprovalStillGetsItsTokensOnce() throws Exception {
        ApplicationUser owner = users.create("slow-down-owner");
        DeviceUser user = new DeviceUser(server.browser(), owner.getUserName(), owner.getId());
        DeviceAuthorizationSuccessResponse started = device.start("openid profile");
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("slow_down");

        user.approve(started.getUserCode().getValue());

        TokenResponse tokens = device.poll(started.getDeviceCode());
        assertThat(tokens.indicatesSuccess()).as("%s", tokens).isTrue();
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("invalid_grant");
    }
}
