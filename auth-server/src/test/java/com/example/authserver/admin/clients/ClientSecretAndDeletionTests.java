package com.example.authserver.admin.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rotating a client's secret with an overlap (both secrets work until it ends, then only the new one) and deleting a
 * client (its tokens stop working at once), over HTTP, with the Nimbus SDK as the client.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSecretAndDeletionTests {

    /** The development API introspects with this secret (clients/Clients.API_DEVELOPMENT_SECRET). */
    static final String API_SECRET = "7D6C5B4A-3928-4716-A5B4-C3D2E1F00918";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestClock clock;

    Browser admin;

    /** One administrator for the class: signing in costs a password hash. */
    @BeforeAll
    void signIn() {
        admin = new ConsoleSignIn(server, testUsers, userManager, roleManager).admin();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOldSecretWorksDuringTheOverlapAndFailsAfterIt() throws Exception {
        String clientId = ClientConsoleTests.uniqueClientId();
        Page created = ClientConsoleTests.create(
                admin, clientId, Map.of("grantTypes", "client_credentials", "redirectUris", "", "scopes", "scope1"));
        String first = ClientConsoleTests.secretOn(created);
        String path = ClientConsoleTests.clientPath(created);

        Page rotated = rotate(path, "1");
        String second = ClientConsoleTests.secretOn(rotated);
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.body()).contains("The previous secret keeps working until");
        assertThat(works(clientId, first)).isTrue();
        assertThat(works(clientId, second)).isTrue();
        assertThat(admin.get(path).body()).doesNotContain(second).contains("keeps working until");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(works(clientId, first)).isFalse();
        assertThat(works(clientId, second)).isTrue();

        // back to now (the console asks for a recent sign-in): an overlap of 0 days ends the second secret at once
        clock.reset();
        String third = ClientConsoleTests.secretOn(rotate(path, "0"));
        assertThat(works(clientId, second)).isFalse();
        assertThat(works(clientId, third)).isTrue();
        assertThat(audit.search(new AuditQuery(null, clientId, AuditEventType.CLIENT_SECRET_ROTATED, null, null), 0, 10)
                        .events())
                .hasSize(2);
    }

    @Test
    void anOverlapThatIsNotADayCountIsRefusedOnTheForm() throws Exception {
        String clientId = ClientConsoleTests.uniqueClientId();
        Page created = ClientConsoleTests.create(
                admin, clientId, Map.of("grantTypes", "client_credentials", "redirectUris", "", "scopes", "scope1"));
        String secret = ClientConsoleTests.secretOn(created);

        for (String days : new String[] {"-1", "91", "seven", "9999999999"}) {
            Page refused = rotate(ClientConsoleTests.clientPath(created), days);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.document().selectFirst("#overlapDays").val()).isEqualTo(days);
            assertThat(refused.document().select("p.field-error").text()).contains("from 0 to 90");
        }
        assertThat(works(clientId, secret)).isTrue();
    }

    @Test
    void afterDeletionTheClientsRefreshAndAccessTokensFail() throws Exception {
        String clientId = ClientConsoleTests.uniqueClientId();
        Page created = ClientConsoleTests.create(
                admin,
                clientId,
                Map.of("requireConsent", "false", "scopes", "openid scope1"),
                "authorization_code",
                "refresh_token");
        String secret = ClientConsoleTests.secretOn(created);
        String path = ClientConsoleTests.clientPath(created);
        ApplicationUser user = testUsers.create("console-client-user");
        OidcClient client = server.client(clientId, secret);
        OIDCTokenResponse tokens =
                SignInFlow.signIn(server.browser(), client, "openid scope1", user.getUserName(), TestUsers.PASSWORD);
        Token accessToken = tokens.getOIDCTokens().getAccessToken();
        assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
        assertThat(introspect(accessToken).toSuccessResponse().isActive()).isTrue();

        Page deleted = admin.follow(ConsoleSignIn.post(admin, path + "/delete", Map.of()));

        assertThat(deleted.body()).contains("The client was deleted");
        assertThat(introspect(accessToken).toSuccessResponse().isActive()).isFalse();
        assertThat(client.refresh(tokens.getOIDCTokens().getRefreshToken()).indicatesSuccess())
                .isFalse();
        assertThat(admin.get(path).status()).isEqualTo(404);
        assertThat(audit.search(new AuditQuery(null, clientId, AuditEventType.CLIENT_DELETED, null, null), 0, 10)
                        .events())
                .hasSize(1);
    }

    private Page rotate(String path, String overlapDays) {
        return ConsoleSignIn.post(admin, path + "/secret", Map.of("overlapDays", overlapDays));
    }

    private boolean works(String clientId, String secret) throws Exception {
        return server.client(clientId, secret).clientCredentials("scope1").indicatesSuccess();
    }

    private TokenIntrospectionResponse introspect(Token token) throws Exception {
        return server.client("api", API_SECRET).introspect(token);
    }
}
