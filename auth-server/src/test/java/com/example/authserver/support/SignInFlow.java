package com.example.authserver.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient.Authorization;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.util.Map;

/** The authorization code flow as a user and a client go through it: sign in, consent, redirect, exchange. */
public final class SignInFlow {

    private SignInFlow() {}

    /** Starts an authorization request in the browser and signs in; returns the page that follows sign-in. */
    public static Page startAndSignIn(Browser browser, Authorization authorization, String userName, String password) {
        Page login = browser.follow(browser.get(authorization.requestUri().toString()));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        return browser.follow(
                browser.submit(login, "form[action$=/login]", Map.of("username", userName, "password", password)));
    }

    /** Signs in, allows every requested scope if asked, and returns the code the client receives. */
    public static AuthorizationCode authorize(
            Browser browser, OidcClient client, Authorization authorization, String userName, String password)
            throws Exception {
        Page page = startAndSignIn(browser, authorization, userName, password);
        if (page.uri().getPath().equals("/oauth2/consent")) {
            page = browser.follow(browser.submit(page, "#consent-allow", Map.of()));
        }
        assertThat(page.uri().toString())
                .as("redirect to the client, got: %s", page.body())
                .startsWith(OidcClient.REDIRECT_URI.toString());
        return client.codeFrom(page.uri(), authorization);
    }

    /** The whole flow for the interactive client, ending with the token response. */
    public static OIDCTokenResponse signIn(
            Browser browser, OidcClient client, String scopes, String userName, String password) throws Exception {
        Authorization authorization = client.authorizationRequest(scopes);
        AuthorizationCode code = authorize(browser, client, authorization, userName, password);
        TokenResponse response = client.exchange(code, authorization.verifier());
        assertThat(response.indicatesSuccess())
                .as(
                        "token response: %s",
                        response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject())
                .isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }
}
