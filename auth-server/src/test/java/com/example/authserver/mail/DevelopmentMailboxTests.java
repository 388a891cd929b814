package com.example.authserver.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.OtherLocalAddress;
import com.example.authserver.support.ProxiedServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.system.IpAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The development mailbox shows account links (confirmation, password reset) of every user: only to this machine.
 * Over HTTP on a server behind a trusted proxy ({@link ProxiedServerTest}), so a client on another machine can be
 * played both through the proxy and directly.
 */
@ProxiedServerTest
class DevelopmentMailboxTests {

    @Autowired
    TestServer server;

    @Test
    void theMailboxAnswersThisMachine() {
        assertThat(server.browser().get("/dev/mailbox").status()).isEqualTo(200);
    }

    @Test
    void aClientOnAnotherMachineBehindTheProxyGetsNotFound() {
        Browser proxied = server.browser().withHeader("X-Forwarded-For", "203.0.113.40");

        assertThat(proxied.get("/dev/mailbox").status()).isEqualTo(404);
    }

    @Test
    void aClientOnAnotherAddressGetsNotFoundWhateverItForwards() {
        Browser direct = new Browser(OtherLocalAddress.serverUrl(server.port()));

        assertThat(direct.get("/dev/mailbox").status()).isEqualTo(404);
        assertThat(direct.withHeader("X-Forwarded-For", "127.0.0.1")
                        .get("/dev/mailbox")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyLoopbackAddressesCountAsThisMachine() {
        assertThat(IpAddresses.isLoopback("127.0.0.1")).isTrue();
        assertThat(IpAddresses.isLoopback("127.3.2.1")).isTrue();
        assertThat(IpAddresses.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(IpAddresses.isLoopback("::ffff:127.0.0.1")).isTrue();
        assertThat(IpAddresses.isLoopback("192.0.2.1")).isFalse();
        assertThat(IpAddresses.isLoopback("fd00::1")).isFalse();
        assertThat(IpAddresses.isLoopback("localhost"))
                .as("a name is never looked up")
                .isFalse();
        assertThat(IpAddresses.isLoopback("")).isFalse();
        assertThat(IpAddresses.isLoopback(null)).isFalse();
    }
}
