package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.PausedLookups;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests that change one grant at the same time, played over HTTP: a refresh held inside the server right after
 * it read the grant ({@link PausedLookups}) while the user or the client revokes it, and many refreshes with one
 * refresh token at once. A revoked grant stays revoked; a refresh token is redeemed once; nothing answers 5xx.
 */
@ServerTest
class ConcurrentGrantChangesTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    PausedLookups lookups;

    @Autowired
    JdbcTemplate jdbc;

    ExecutorService threads = Executors.newFixedThreadPool(8);

    Browser browser;

    OidcClient client;

    ApplicationUser user;

    Tokens tokens;

    @BeforeEach
    void signIn() throws Exception {
        browser = server.browser();
        client = server.interactiveClient();
        user = testUsers.create("race");
        tokens = SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD)
                .getTokens();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRefreshInFlightWhenTheUserRevokesTheApplicationDoesNotBringTheGrantBack() throws Exception {
        PausedLookups.Pause pause =
                lookups.pauseAfterLookupOf(tokens.getRefreshToken().getValue());
        Future<TokenResponse> refresh = threads.submit(() -> client.refresh(tokens.getRefreshToken()));
        pause.awaitReached();

        Browser.Page grants = browser.navigate("/account/grants");
        browser.follow(browser.submit(grants, "form[action$=/account/grants/revoke]", Map.of()));
        pause.release();

        assertInvalidGrant(refresh.get());
        assertThat(rowsOfUser()).as("authorizations of the user").isZero();
        assertThat(browser.navigate("/account/grants").document().select("tbody tr"))
                .isEmpty();
        assertThat(client.introspect(tokens.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
    }

    @Test
    void aRefreshInFlightWhenTheClientRevokesItsRefreshTokenGetsNoTokens() throws Exception {
        PausedLookups.Pause pause =
                lookups.pauseAfterLookupOf(tokens.getRefreshToken().getValue());
        Future<TokenResponse> refresh = threads.submit(() -> client.refresh(tokens.getRefreshToken()));
        pause.awaitReached();

        assertThat(client.revoke(tokens.getRefreshToken()).getStatusCode()).isEqualTo(200);
        pause.release();

        assertInvalidGrant(refresh.get());
        assertInvalidGrant(client.refresh(tokens.getRefreshToken()));
        assertThat(client.introspect(tokens.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
    }

    @Test
    void eightConcurrentRefreshesWithOneRefreshTokenRedeemItOnce() throws Exception {
        RefreshToken shared = tokens.getRefreshToken();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TokenResponse>> refreshes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refreshes.add(threads.submit(() -> {
                start.await();
                return client.refresh(shared);
            }));
        }
        start.countDown();

        int succeeded = 0;
        for (Future<TokenResponse> refresh : refreshes) {
            TokenResponse response = refresh.get();
            if (response.indicatesSuccess()) {
                succeeded++;
            } else {
                assertInvalidGrant(response);
            }
        }
        assertThat(succeeded).as("refreshes that got tokens").isEqualTo(1);
    }

    private static void assertInvalidGrant(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("refresh succeeded").isFalse();
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
    }

    private int rowsOfUser() {
        return jdbc.queryForObject(
                "select count(*) from oauth2_authorization where principal_name = ?", Integer.class, user.getId());
    }
}
