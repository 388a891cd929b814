package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.RestrictedAccountSettings;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guessing user codes on /activate: limited per code and per client address (small limits of this context). */
@RestrictedAccountSettings
class UserCodeRateLimitTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void guessesArePerCodeThenPerAddressAnsweredWithTooManyAttemptsUntilTimePasses() throws Exception {
        DeviceClient device = new DeviceClient(server.issuer(), DeviceClient.DEVICE);
        DeviceAuthorizationSuccessResponse started = device.start("profile");
        DeviceUser guesser =
                new DeviceUser(server.browser(), users.create("guesser").getUserName());
        Page form = guesser.open("/activate");
        String guess = "BCDF-GHJK".equals(started.getUserCode().getValue()) ? "BCDF-GHJL" : "BCDF-GHJK";

        for (int attempt = 1; attempt <= RestrictedAccountSettings.USER_CODE_PER_CODE; attempt++) {
            assertThat(guess(guesser, form, guess).status())
                    .as("attempt %s", attempt)
                    .isEqualTo(200);
        }
        Page limited = guess(guesser, form, guess.toLowerCase());
        assertThat(limited.status()).as("the same code, however typed").isEqualTo(429);
        assertThat(limited.body()).contains("Too many attempts");

        int used = RestrictedAccountSettings.USER_CODE_PER_CODE + 1;
        for (int attempt = used + 1; attempt <= RestrictedAccountSettings.USER_CODE_PER_IP; attempt++) {
            assertThat(guess(guesser, form, "ZZZZ-ZZZ" + "BCDFGHJK".charAt(attempt))
                            .status())
                    .as("attempt %s", attempt)
                    .isEqualTo(200);
        }
        Page rightCode = guess(guesser, form, started.getUserCode().getValue());
        assertThat(rightCode.status())
                .as("past the address's limit even the right code waits")
                .isEqualTo(429);
        assertThat(DeviceClient.error(device.poll(started.getDeviceCode()))).isEqualTo("authorization_pending");

        clock.advance(Duration.ofMinutes(1));
        assertThat(guess(guesser, form, started.getUserCode().getValue()).location())
                .contains("/oauth2/consent");
    }

    private static Page guess(DeviceUser user, Page form, String typed) {
        return user.browser().submit(form, "form[action$=/activate]", Map.of("user_code", typed));
    }
}
