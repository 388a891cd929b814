package com.example.authserver.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Authorization requests with {@code prompt}, {@code max_age}, hints and {@code acr_values}, built by the Nimbus SDK
 * (an independent client), and what the client makes of the answer.
 */
final class SignInRequests {

    private final String issuer;

    private final OidcClient client;

    SignInRequests(String issuer, OidcClient client) {
        this.issuer = issuer;
        this.client = client;
    }

    /** One request and the secrets the client keeps for it. */
    record Sent(AuthenticationRequest request, CodeVerifier verifier) {

        URI uri() {
            return request.toURI();
        }

        State state() {
            return request.getState();
        }

        Nonce nonce() {
            return request.getNonce();
        }
    }

    Sent request(String scopes, UnaryOperator<AuthenticationRequest.Builder> options) {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        Scope.parse(scopes),
                        new ClientID(OidcClient.INTERACTIVE),
                        OidcClient.REDIRECT_URI)
                .state(new State())
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(issuer + "/oauth2/authorize"));
        return new Sent(options.apply(builder).build(), verifier);
    }

    /** Opens the request in the browser, following redirects on the server. */
    static Page open(Browser browser, Sent sent) {
        return browser.follow(browser.get(sent.uri().toString()));
    }

    /** The page the browser was sent off the server to: the client's redirect URI. */
    static void assertAtClient(Page page) {
        assertThat(page.uri().toString())
                .as("sent to the client, not shown a page (status %s):%n%s", page.status(), page.body())
                .startsWith(OidcClient.REDIRECT_URI.toString());
    }

    /** The error the client receives, after checking state and iss (RFC 9207) came with it. */
    ErrorObject errorAtClient(Page page, Sent sent) throws Exception {
        assertAtClient(page);
        AuthenticationResponse response = AuthenticationResponseParser.parse(page.uri());
        assertThat(response.indicatesSuccess())
                .as("an error, got %s", page.uri())
                .isFalse();
        AuthenticationErrorResponse error = response.toErrorResponse();
        assertThat(error.getState()).isEqualTo(sent.state());
        Map<String, List<String>> query = URLUtils.parseParameters(page.uri().getRawQuery());
        assertThat(query.get("iss")).containsExactly(issuer);
        return error.getErrorObject();
    }

    /** The code the client receives, exchanged for tokens; returns the ID token's claims. */
    JWTClaimsSet idTokenAtClient(Page page, Sent sent) throws Exception {
        return tokensAtClient(page, sent).getIDToken().getJWTClaimsSet();
    }

    /** The code the client receives, exchanged for tokens. */
    OIDCTokens tokensAtClient(Page page, Sent sent) throws Exception {
        assertAtClient(page);
        AuthenticationResponse response = AuthenticationResponseParser.parse(page.uri());
        assertThat(response.indicatesSuccess()).as("a code, got %s", page.uri()).isTrue();
        assertThat(response.getState()).isEqualTo(sent.state());
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = client.exchange(code, sent.verifier());
        assertThat(tokens.indicatesSuccess()).isTrue();
        return ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens();
    }

    /** The ID token's serialized form, for use as a hint. */
    String idTokenValue(Page page, Sent sent) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(page.uri());
        TokenResponse tokens = client.exchange(response.toSuccessResponse().getAuthorizationCode(), sent.verifier());
        return ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDTokenString();
    }

    /** Signs in on the sign-in page the browser is on, and follows to wherever that leads. */
    static Page signIn(Browser browser, Page login, String userName, String password) {
        assertThat(login.uri().getPath())
                .as("on the sign-in page:%n%s", login.body())
                .isEqualTo("/login");
        return browser.signIn(login, userName, password);
    }
}
