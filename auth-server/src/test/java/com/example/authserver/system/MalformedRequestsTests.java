package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Requests no browser sends get a clear 4xx, never a 500 (regression cases of the bad-input sweep). */
@ServerTest
class MalformedRequestsTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    UserManager userManager;

    @Test
    void theErrorPageOpenedDirectlyIsNotFound() {
        RawHttp.Response answer = send("GET", "/error", List.of(Map.entry("Accept", "text/html")), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("<title>Error 404");
    }

    @ParameterizedTest
    @CsvSource({"PATCH, /login", "PUT, /account/register", "DELETE, /connect/logout"})
    void aFormBodyThatCannotBeDecodedOnAnotherMethodThanPostIsNoServerError(String method, String path) {
        RawHttp.Response answer = send(
                method,
                path,
                List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded")),
                "state=%zz&x=%C3%28");

        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsNoServerError() {
        ApplicationUser user = users.create("multipart");
        userManager.updateSecurity(user.getId(), changed -> changed.setTwoFactorEnabled(true));
        // past the CSRF check (its token in the header), to the two-factor step's controller
        SweepSessions.Visit waiting = new SweepSessions(
                        new RawHttp(URI.create(server.issuer()).getPort()))
                .waitingForSecondFactor(user.getUserName(), TestUsers.PASSWORD);

        RawHttp.Response answer = send(
                "POST",
                "/login/two-factor",
                List.of(
                        Map.entry("Cookie", waiting.cookie()),
                        Map.entry("X-CSRF-TOKEN", waiting.csrfToken()),
                        Map.entry("Content-Type", "multipart/form-data")),
                "--x\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n1\r\n--x--\r\n");

        assertThat(answer.status()).isBetween(200, 499);
    }

    private RawHttp.Response send(String method, String path, List<Map.Entry<String, String>> headers, String body) {
        return new RawHttp(URI.create(server.issuer()).getPort())
                .send(new RawHttp.Request(
                        method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
