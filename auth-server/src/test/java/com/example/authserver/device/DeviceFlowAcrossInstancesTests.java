package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.RestartableServer;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database, no sticky sessions: the HMAC key of the codes is derived from the shared
 * key-encryption key, so a code issued by one instance is found by the other.
 */
class DeviceFlowAcrossInstancesTests {

    final RestartableServer database = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aCodeIssuedByOneInstanceIsTypedAtTheOtherAndTheTokensComeFromEither() throws Exception {
        try (ConfigurableApplicationContext a = database.start();
                ConfigurableApplicationContext b = database.start()) {
            DeviceClient atA = new DeviceClient(RestartableServer.url(a), DeviceClient.DEVICE);
            DeviceClient atB = new DeviceClient(RestartableServer.url(b), DeviceClient.DEVICE);
            DeviceAuthorizationSuccessResponse started = atA.start("openid profile");
            DeviceUser alice = new DeviceUser(new Browser(RestartableServer.url(b)), "alice", null, "Pass123$");

            alice.approve(started.getUserCode().getValue().toLowerCase(Locale.ROOT));

            TokenResponse tokens = atB.poll(started.getDeviceCode());
            assertThat(tokens.indicatesSuccess()).as("%s", tokens).isTrue();
            assertThat(DeviceClient.error(atA.poll(started.getDeviceCode()))).isEqualTo("invalid_grant");
        }
    }
}
