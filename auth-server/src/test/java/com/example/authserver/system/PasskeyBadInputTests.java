package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.example.authserver.system.SweepSessions.Visit;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Passkey JSON that no authenticator made is refused with a 4xx, never a 500 (regression cases of the bad-input
 * sweep, {@link SignInSweepTests}); the ceremonies themselves are tested with a real browser in passkeys/PasskeyTests.
 */
@ServerTest
class PasskeyBadInputTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Test
    void aSignInWithNoCredentialAtAllFails() {
        RawHttp http = new RawHttp(URI.create(server.issuer()).getPort());
        Visit visitor = new SweepSessions(http).visitor();
        assertThat(post(http, visitor, "/webauthn/authenticate/options", "").status())
                .isEqualTo(200);

        assertThat(post(http, visitor, "/login/webauthn", "null").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"publicKey\":null}",
                "{}",
                "null",
                "{\"publicKey\":{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\","
                        + "\"response\":{\"attestationObject\":\"AAAA\"},\"clientExtensionResults\":{}},\"label\":\"x\"}}",
                "{\"publicKey\":{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":"
                        + "{\"attestationObject\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"transports\":[\"usb\",\"x\"]},"
                        + "\"clientExtensionResults\":{}},\"label\":\"x\"}}"
            })
    void aRegistrationNoAuthenticatorMadeIsRefused(String registration) {
        ApplicationUser user = users.create("passkey-bad-input");
        RawHttp http = new RawHttp(URI.create(server.issuer()).getPort());
        Visit signedIn = new SweepSessions(http).signedIn(user.getUserName(), TestUsers.PASSWORD);
        assertThat(post(http, signedIn, "/webauthn/register/options", "").status())
                .isEqualTo(200);

        assertThat(post(http, signedIn, "/webauthn/register", registration).status())
                .isBetween(400, 499);
    }

    private static RawHttp.Response post(RawHttp http, Visit visit, String path, String json) {
        return http.send(new RawHttp.Request(
                "POST",
                path,
                List.of(
                        Map.entry("Cookie", visit.cookie()),
                        Map.entry("X-CSRF-TOKEN", visit.csrfToken()),
                        Map.entry("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8)));
    }
}
