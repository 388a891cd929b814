package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A CSRF token of the right length whose unmasked bytes are no UTF-8 is refused like any wrong token (a case the
 * bad-input sweep found: Spring's handler threw, and the form answered 500).
 */
@ServerTest
class MalformedCsrfTokensTests {

    /** 36 mask bytes and 36 masked ones (a session's token is a UUID, 36 characters): unmasked, 36 bytes 0xFF. */
    static final String NOT_UTF8 = Base64.getUrlEncoder().encodeToString(masked());

    @Autowired
    TestServer server;

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/account/register", "/account/forgot-password", "/logout"})
    void aTokenThatUnmasksToNoTextIsRefusedLikeAnyWrongToken(String form) {
        RawHttp.Response answer = post(
                form,
                "Content-Type",
                "application/x-www-form-urlencoded",
                ("username=x&password=y&_csrf=" + NOT_UTF8).getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webauthn/authenticate/options", "/login/webauthn"})
    void theSameTokenInTheHeaderOfAPasskeyRequestIsRefusedToo(String endpoint) {
        RawHttp.Response answer = new RawHttp(URI.create(server.issuer()).getPort())
                .send(new RawHttp.Request(
                        "POST",
                        endpoint,
                        List.of(Map.entry("Content-Type", "application/json"), Map.entry("X-CSRF-TOKEN", NOT_UTF8)),
                        "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.status()).isEqualTo(403);
    }

    private RawHttp.Response post(String path, String header, String value, byte[] body) {
        return new RawHttp(URI.create(server.issuer()).getPort())
                .send(new RawHttp.Request("POST", path, List.of(Map.entry(header, value)), body));
    }

    private static byte[] masked() {
        byte[] token = new byte[72];
        Arrays.fill(token, 36, 72, (byte) 0xFF);
        return token;
    }
}
