package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.OidcClient.Authorization;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the authorization endpoint answers: responses that name their issuer (RFC 9207), redirect URIs matched exactly
 * (loopback ports vary for native apps only), and every user agent that is not signed in sent to the sign-in page.
 */
@ServerTest
class AuthorizationResponsesTests {

    @Autowired
    TestServer server;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    TestUsers testUsers;

    @Test
    void codesAndErrorsSentToTheClientNameTheIssuer() throws Exception {
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        Authorization allowed = client.authorizationRequest("openid");
        SignInFlow.authorize(browser, client, allowed, testUsers.create("iss").getUserName(), TestUsers.PASSWORD);
        Page consent = browser.navigate(
                client.authorizationRequest("openid profile email").requestUri().toString());
        Page code = browser.follow(browser.get(allowed.requestUri().toString()));
        Page denied = browser.follow(browser.submit(consent, "#consent-allow", Map.of("deny", "true")));

        assertThat(query(code.uri(), "code")).isNotNull();
        assertThat(query(code.uri(), "iss")).isEqualTo(server.issuer());
        assertThat(query(denied.uri(), "error")).isEqualTo("access_denied");
        assertThat(query(denied.uri(), "iss")).isEqualTo(server.issuer());
        for (String metadata :
                new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            assertThat(json(metadata).get("authorization_response_iss_parameter_supported"))
                    .as(metadata)
                    .isEqualTo(true);
        }
    }

    @Test
    void aConfidentialClientsLoopbackRedirectUriMustMatchToThePort() {
        Browser browser = server.browser();
        browser.signIn("alice", "Pass123$");
        URI otherPort = URI.create(OidcClient.REDIRECT_URI.toString().replace(":8080/", ":8081/"));

        Page page = browser.get(server.interactiveClient()
                .authorizationRequest("openid", otherPort)
                .requestUri()
                .toString());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location())
                .as("never redirected to an unregistered URI")
                .isNull();
    }

    @Test
    void aNativeAppMayUseAnyPortOfItsLoopbackRedirectUri() {
        RegisteredClient nativeApp = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("native-" + UUID.randomUUID())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/callback")
                .scope("openid")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
        clients.save(nativeApp);
        Browser browser = server.browser();
        browser.signIn("alice", "Pass123$");
        URI redirectUri = URI.create("http://127.0.0.1:53117/callback");
        URI request = new AuthenticationRequest.Builder(
                        ResponseType.CODE, new Scope("openid"), new ClientID(nativeApp.getClientId()), redirectUri)
                .state(new State())
                .nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .endpointURI(URI.create(server.issuer() + "/oauth2/authorize"))
                .build()
                .toURI();

        Page page = browser.follow(browser.get(request.toString()));

        assertThat(page.uri().toString()).startsWith(redirectUri + "?code=");
    }

    @Test
    void aUserAgentThatIsNotSignedInIsSentToSignInWhateverItAccepts() throws Exception {
        String request = server.interactiveClient()
                .authorizationRequest("openid")
                .requestUri()
                .toString();

        for (String accept : new String[] {"*/*", null, "application/xml"}) {
            HttpResponse<String> response = send(request, accept, false);
            assertThat(response.statusCode()).as("Accept: %s", accept).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as("Accept: %s", accept)
                    .hasValue(server.issuer() + "/login");
        }
        assertThat(send(request, "application/json", true).statusCode())
                .as("a script asking for JSON")
                .isEqualTo(401);
    }

    private HttpResponse<String> send(String uri, String accept, boolean script) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (script) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JSONObject json(String path) throws Exception {
        HttpResponse<String> response = send(server.issuer() + path, "application/json", false);
        return (JSONObject) new JSONParser(JSONParser.MODE_PERMISSIVE).parse(response.body());
    }

    private static String query(URI uri, String name) {
        String value =
                UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
