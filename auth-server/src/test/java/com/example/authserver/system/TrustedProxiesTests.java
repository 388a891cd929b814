package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.support.RestartableServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** authforge.trusted-proxies: addresses and CIDR blocks, IPv4 and IPv6; anything else stops the start-up. */
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxiesTests {

    final RestartableServer database = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void addressesAndBlocksOfBothFamiliesAreReadAsCidrBlocks() {
        assertThat(blocks("127.0.0.0/8", "::1/128", " 10.1.2.3/8 ", "192.0.2.7", "fd00::/8", "", "2001:db8::5"))
                .containsExactly(
                        "127.0.0.0/8",
                        "0:0:0:0:0:0:0:1/128",
                        "10.0.0.0/8",
                        "192.0.2.7/32",
                        "fd00:0:0:0:0:0:0:0/8",
                        "2001:db8:0:0:0:0:0:5/128");
        assertThat(blocks()).as("an empty list: no proxy is trusted").isEmpty();
    }

    @Test
    void namesBadBlocksAndEverythingBlocksAreRefused() {
        for (String bad : List.of(
                "proxy.example.com",
                "10.0.0.300",
                "10.0.0.0/33",
                "fd00::/129",
                "10.0.0.0/x",
                "0.0.0.0/0",
                "::/0",
                "[::1]",
                "fe80::1%eth0",
                "010.0.0.1")) {
            assertThatThrownBy(() -> blocks(bad))
                    .as(bad)
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("authforge.trusted-proxies");
        }
    }

    @Test
    void aBadValueStopsTheStartUpNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> database.start("--authforge.trusted-proxies=10.0.0.0/8,proxy.example.com")
                .close());

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("for configuration property 'authforge.trusted-proxies'")
                .contains("'proxy.example.com' is not an IPv4 or IPv6 address");
    }

    private static List<String> blocks(String... entries) {
        TrustedProxyProperties properties = new TrustedProxyProperties();
        properties.setTrustedProxies(List.of(entries));
        return new ForwardedHeaders(properties, new MockEnvironment()).trustedBlocks();
    }
}
