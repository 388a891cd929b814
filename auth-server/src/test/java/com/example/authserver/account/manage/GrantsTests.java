package com.example.authserver.account.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.AccountPageChecks;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServerTest
class GrantsTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Test
    void aUserWithoutConsentsIsToldSo() {
        ApplicationUser user = testUsers.create("grants-none");
        Browser browser = server.browser();
        browser.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page grants = browser.navigate("/account/grants");

        AccountPageChecks.assertCommonLayout(grants, "Applications you allowed");
        assertThat(grants.document().select("main p").first().text())
                .isEqualTo("You have not allowed any application to use your account.");
    }

    @Test
    void revokingAnApplicationEndsItsTokensAndItMustAskAgain() throws Exception {
        ApplicationUser user = testUsers.create("grants-revoke");
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        OIDCTokenResponse tokens =
                SignInFlow.signIn(browser, client, "openid profile", user.getUserName(), TestUsers.PASSWORD);
        Page grants = browser.navigate("/account/grants");
        assertThat(grants.document().select("tbody th").text()).isEqualTo("Interactive client");
        assertThat(grants.document().select("tbody td code").eachText()).contains("openid", "profile");

        Page after = browser.follow(browser.submit(grants, "form[action$=/account/grants/revoke]", Map.of()));

        assertThat(after.document().select(".alert-info").text()).startsWith("Access revoked.");
        assertThat(after.document().select("tbody tr")).isEmpty();
        assertThat(client.refresh(tokens.getTokens().getRefreshToken()).indicatesSuccess())
                .isFalse();
        assertThat(client.introspect(tokens.getTokens().getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
        OidcClient.Authorization again = client.authorizationRequest("openid profile");
        assertThat(browser.navigate(again.requestUri().toString()).uri().getPath())
                .isEqualTo("/oauth2/consent");
    }

    @Test
    void anApplicationAllowedOnceIsListedAndRevokingItEndsItsTokens() throws Exception {
        ApplicationUser user = testUsers.create("grants-once");
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        OidcClient.Authorization authorization = client.authorizationRequest("openid profile");
        Page consent = SignInFlow.startAndSignIn(browser, authorization, user.getUserName(), TestUsers.PASSWORD);
        Page redirect = browser.follow(browser.submit(consent, "#consent-allow", Map.of("remember", "false")));
        Tokens tokens = client.exchange(client.codeFrom(redirect.uri(), authorization), authorization.verifier())
                .toSuccessResponse()
                .getTokens();

        Page grants = browser.navigate("/account/grants");
        assertThat(grants.document().select("tbody th").text())
                .as("a grant without remembered consent")
                .isEqualTo("Interactive client");
        browser.follow(browser.submit(grants, "form[action$=/account/grants/revoke]", Map.of()));

        assertThat(client.refresh(tokens.getRefreshToken()).indicatesSuccess()).isFalse();
        assertThat(client.introspect(tokens.getAccessToken())
                        .toSuccessResponse()
                        .isActive())
                .isFalse();
    }
}
