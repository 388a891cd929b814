package ${package}.system;

import java.net.URL;

import ${package}.support.Browser;
import ${package}.support.OidcClient;
import ${package}.support.OidcClient.Authorization;
import ${package}.support.RestartableServer;
import ${package}.support.SignInFlow;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances on one database, as behind a load balancer without sticky sessions, and a restart
 * in the middle of a session: users stay signed in, and every grant works on every instance.
 */
class SeveralInstancesTests {

    static final String ISSUER = "https://login.example.test";

    final RestartableServer database = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void signInAtOneInstanceRedeemAtTheOtherRefreshAndIntrospectAcrossBoth() throws Exception {
        try (ConfigurableApplicationContext a = database.start("--authforge.issuer=" + ISSUER);
                ConfigurableApplicationContext b = database.start("--authforge.issuer=" + ISSUER)) {
            String urlA = RestartableServer.url(a);
            String urlB = RestartableServer.url(b);
            OidcClient atA = new OidcClient(ISSUER, urlA, OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
            OidcClient atB = atA.atServer(urlB);
            Browser browser = new Browser(urlA);

            Authorization authorization = atA.authorizationRequest("openid profile");
            AuthorizationCode code = SignInFlow.authorize(browser, atA, authorization, "alice", "Pass123$");
            TokenResponse redeemed = atB.exchange(code, authorization.verifier());

            assertThat(redeemed.indicatesSuccess()).as("code issued by A, redeemed at B").isTrue();
            OIDCTokenResponse tokens = (OIDCTokenResponse) redeemed.toSuccessResponse();
            assertThat(atB.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce()).getIssuer())
                    .isEqualTo(ISSUER);
            TokenResponse refreshed = atA.refresh(tokens.getTokens().getRefreshToken());
            assertThat(refreshed.indicatesSuccess()).as("refresh at A").isTrue();
            Tokens latest = refreshed.toSuccessResponse().getTokens();
            assertThat(atB.introspect(latest.getAccessToken()).toSuccessResponse().isActive())
                    .as("introspection at B").isTrue();
            assertThat(JWKSet.load(new URL(urlA + "/oauth2/jwks")).toString())
                    .isEqualTo(JWKSet.load(new URL(urlB + "/oauth2/jwks")).toString());
            Browser.Page atOtherInstance = browser.onServer(urlB)
                    .navigate(atB.authorizationRequest("openid profile").requestUri().toString());
            assertThat(atOtherInstance.uri().toString()).as("still signed in at B").startsWith(
                    OidcClient.REDIRECT_URI.toString());
        }
    }

    @Test
    void aRestartKeepsTheUserSignedInAndTheirTokensWorking() throws Exception {
        Browser browser;
        Tokens tokens;
        OidcClient client;
        try (ConfigurableApplicationContext before = database.start("--authforge.issuer=" + ISSUER)) {
            String url = RestartableServer.url(before);
            client = new OidcClient(ISSUER, url, OidcClient.INTERACTIVE, OidcClient.INTERACTIVE_SECRET);
            browser = new Browser(url);
            tokens = SignInFlow.signIn(browser, client, "openid profile", "bob", "Pass123$").getTokens();
        }

        try (ConfigurableApplicationContext after = database.start("--authforge.issuer=" + ISSUER)) {
            String url = RestartableServer.url(after);
            OidcClient restarted = client.atServer(url);

            assertThat(restarted.userInfo(tokens.getAccessToken()).indicatesSuccess()).as("access token").isTrue();
            assertThat(restarted.refresh(tokens.getRefreshToken()).indicatesSuccess()).as("refresh").isTrue();
            Browser.Page page = browser.onServer(url)
                    .navigate(restarted.authorizationRequest("openid profile").requestUri().toString());
            assertThat(page.uri().toString()).as("still signed in").startsWith(OidcClient.REDIRECT_URI.toString());
        }
    }
}
