package com.example.authserver.system;

import static com.example.authserver.system.BadValues.text;
import static com.example.authserver.system.BadValues.textOr;

import com.example.authserver.account.RestrictedAccountSettings;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.RawHttp;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The password grant (on in the restricted account-test server) under the bad-input sweep of
 * {@link ProtocolEndpointsSweepTests}: answers in RFC 6749's JSON error format, rate limits included, never a server
 * error.
 */
@RestrictedAccountSettings
class PasswordGrantSweepTests {

    static final String LEGACY = "legacy.client";

    static final String LEGACY_SECRET = "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Test
    void tokenEndpointWithThePasswordGrant() {
        String issuer = server.issuer();
        String user = users.create("sweep-password").getUserName();
        RequestGen request = RequestGen.post("/oauth2/token")
                .headers(Headers.clientAuthentication(
                        LEGACY, LEGACY_SECRET, OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET))
                .field("grant_type", textOr("password", "password", "password", "PASSWORD", "password "))
                .field("username", textOr(user, user, "alice", "nobody@example.com"))
                .field("password", textOr(TestUsers.PASSWORD, "wrong"))
                .field("scope", textOr("openid", "openid profile scope1", "scope2", "openid openid", "offline_access"))
                .field("client_id", textOr(LEGACY))
                .field("client_secret", textOr(LEGACY_SECRET))
                .field("refresh_token", text());
        new Sweep(new RawHttp(URI.create(issuer).getPort()))
                .run(
                        "POST /oauth2/token with grant_type=password",
                        request,
                        SweepChecks.protocolJson(issuer, SweepChecks.TOKEN_ERRORS));
    }
}
