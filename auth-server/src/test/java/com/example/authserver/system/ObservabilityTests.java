package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Health, metrics and logs: what operations see, and what they must never see. */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MeterRegistry registry;

    @Test
    void healthProbesAreOpenAndMetricsAreNot() throws Exception {
        assertThat(get("/actuator/health/readiness")).isEqualTo(200);
        assertThat(get("/actuator/health/liveness")).isEqualTo(200);
        assertThat(get("/actuator/metrics")).isNotEqualTo(200);
    }

    @Test
    void metricsCountSignInsLockoutsAndIssuedTokens() throws Exception {
        double successes = count("authforge.signins", "outcome", "success");
        double failures = count("authforge.signins", "outcome", "failure");
        double lockouts = count("authforge.signins", "outcome", "locked_out");
        double clientTokens = count("authforge.tokens.issued", "grant_type", "client_credentials");
        double codeTokens = count("authforge.tokens.issued", "grant_type", "authorization_code");

        ApplicationUser user = testUsers.create("metrics");
        for (int attempt = 1; attempt <= 5; attempt++) {
            server.browser().signIn(user.getUserName(), "wrong-password");
        }
        SignInFlow.signIn(server.browser(), server.interactiveClient(), "openid", "alice", "Pass123$");
        server.m2mClient().clientCredentials("scope1");

        assertThat(count("authforge.signins", "outcome", "failure") - failures).isEqualTo(4);
        assertThat(count("authforge.signins", "outcome", "locked_out") - lockouts)
                .isEqualTo(1);
        assertThat(count("authforge.signins", "outcome", "success") - successes).isEqualTo(1);
        assertThat(count("authforge.tokens.issued", "grant_type", "client_credentials") - clientTokens)
                .isEqualTo(1);
        assertThat(count("authforge.tokens.issued", "grant_type", "authorization_code") - codeTokens)
                .isEqualTo(1);
    }

    @Test
    void noPasswordSecretTokenOrCodeReachesTheLogs(CapturedOutput output) throws Exception {
        List<String> secrets = new ArrayList<>(
                List.of("Pass123$", OidcClient.M2M_SECRET, OidcClient.INTERACTIVE_SECRET, "wrong-Pass-1"));
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        browser.signIn("alice", "wrong-Pass-1");
        Authorization authorization = client.authorizationRequest("openid profile email");
        AuthorizationCode code = SignInFlow.authorize(browser, client, authorization, "alice", "Pass123$");
        OIDCTokenResponse response = (OIDCTokenResponse)
                client.exchange(code, authorization.verifier()).toSuccessResponse();
        Tokens tokens = response.getOIDCTokens();
        Tokens refreshed =
                client.refresh(tokens.getRefreshToken()).toSuccessResponse().getTokens();
        client.userInfo(refreshed.getAccessToken());
        client.revoke(refreshed.getRefreshToken());
        Tokens clientTokens = server.m2mClient()
                .clientCredentials("scope1")
                .toSuccessResponse()
                .getTokens();
        secrets.addAll(List.of(
                code.getValue(),
                authorization.verifier().getValue(),
                response.getOIDCTokens().getIDTokenString(),
                tokens.getAccessToken().getValue(),
                tokens.getRefreshToken().getValue(),
                refreshed.getAccessToken().getValue(),
                refreshed.getRefreshToken().getValue(),
                clientTokens.getAccessToken().getValue()));

        assertThat(output.getAll()).doesNotContain(secrets);
    }

    private double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private int get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.issuer() + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
