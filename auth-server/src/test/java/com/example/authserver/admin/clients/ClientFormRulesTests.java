package com.example.authserver.admin.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

/** What the console refuses to give a client, field by field. */
class ClientFormRulesTests {

    @Test
    void aClientSigningUsersInWithExactHttpsOrLoopbackUrisPasses() {
        ClientForm form = form("authorization_code", "refresh_token");
        form.setRedirectUris("https://app.example.com/callback\n\n http://127.0.0.1:8080/cb \n");

        assertThat(problems(form, true)).isEmpty();
    }

    @Test
    void redirectUrisThatABrowserWouldRunOrGuessAtAreRefused() {
        for (String uri : List.of(
                "https://app.example.com/cb#x",
                "javascript:alert(1)",
                "https://*.example.com/cb",
                "http://app.example.com/cb",
                "https://user@app.example.com/cb",
                "/relative",
                "myapp:/callback")) {
            ClientForm form = form("authorization_code");
            form.setRedirectUris(uri);
            assertThat(problems(form, true)).as(uri).singleElement().asString().startsWith("redirectUris");
            form.setRedirectUris("https://app.example.com/cb");
            form.setPostLogoutRedirectUris(uri);
            assertThat(problems(form, true)).as(uri).singleElement().asString().startsWith("postLogoutRedirectUris");
        }
    }

    @Test
    void atMostTenUrisAreAccepted() {
        ClientForm form = form("authorization_code");
        form.setRedirectUris(String.join(
                "\n",
                Collections.nCopies(11, "https://a.example.com/").stream()
                        .map(uri -> uri + UUID.randomUUID())
                        .toList()));

        assertThat(problems(form, true)).containsExactly("redirectUris admin.clients.error.uris.tooMany");
    }

    @Test
    void grantTypesFollowTheRegistrationRules() {
        ClientForm publicCredentials = form("client_credentials");
        publicCredentials.setRedirectUris("");
        publicCredentials.setPublicClient(true);
        assertThat(problems(publicCredentials, true))
                .containsExactly("grantTypes admin.clients.error.grantTypes.publicCredentials");
        ClientForm refreshAlone = form("refresh_token");
        refreshAlone.setRedirectUris("");
        assertThat(problems(refreshAlone, true)).containsExactly("grantTypes admin.clients.error.grantTypes.none");
        ClientForm password = form("authorization_code", "password");
        assertThat(problems(password, true)).containsExactly("grantTypes admin.clients.error.grantTypes.unknown");
        ClientForm publicWithoutPkce = form("authorization_code");
        publicWithoutPkce.setPublicClient(true);
        publicWithoutPkce.setRequirePkce(false);
        assertThat(problems(publicWithoutPkce, true)).containsExactly("requirePkce admin.clients.error.requirePkce");
    }

    @Test
    void idsNamesScopesAndLifetimesHaveLimits() {
        ClientForm form = form("authorization_code");
        form.setClientId("a b");
        form.setClientName("Evil\u202Eelgoog");
        form.setScopes("openid \"quoted\"");
        form.setAccessTokenMinutes(0);
        form.setRefreshTokenDays(366);
        form.setAuthorizationCodeMinutes(null);

        assertThat(problems(form, true))
                .containsExactlyInAnyOrder(
                        "clientId admin.clients.error.clientId",
                        "clientName admin.clients.error.clientName",
                        "scopes admin.clients.error.scopes",
                        "accessTokenMinutes admin.clients.error.range",
                        "refreshTokenDays admin.clients.error.range",
                        "authorizationCodeMinutes admin.clients.error.range");
        assertThat(problems(form, false)).doesNotContain("clientId admin.clients.error.clientId");
    }

    private static ClientForm form(String... grantTypes) {
        ClientForm form = new ClientForm();
        form.setClientId("my.app");
        form.setClientName("My app");
        form.setGrantTypes(List.of(grantTypes));
        form.setRedirectUris("https://app.example.com/callback");
        return form;
    }

    private static List<String> problems(ClientForm form, boolean creating) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "clientForm");
        ClientFormRules.check(form, creating, errors);
        return errors.getFieldErrors().stream()
                .map(FieldError.class::cast)
                .map(error -> error.getField() + " " + error.getCode())
                .toList();
    }
}
