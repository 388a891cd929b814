package com.example.authserver.admin.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Connection.KeyVal;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The clients pages of the console over HTTP: who may use them, what they refuse, and what they change. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientConsoleTests {

    static final String CREATE_FORM = "form[action$=/admin/clients]";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    AuditTrail audit;

    ConsoleSignIn console;

    /** One administrator for the class: signing in costs a password hash. */
    Browser admin;

    @BeforeAll
    void signIn() {
        console = new ConsoleSignIn(server, testUsers, userManager, roleManager);
        admin = console.admin();
    }

    @Test
    void aUserWithoutTheAdminRoleGets403OnEveryPageAndPost() {
        Browser user = console.user();
        String id = clients.findByClientId(OidcClient.M2M).getId();
        for (String path : List.of("/admin/clients", "/admin/clients/new", "/admin/clients/" + id)) {
            assertThat(user.get(path).status()).as("GET %s", path).isEqualTo(403);
        }
        for (String path : List.of(
                "/admin/clients",
                "/admin/clients/" + id,
                "/admin/clients/" + id + "/secret",
                "/admin/clients/" + id + "/delete")) {
            assertThat(ConsoleSignIn.post(user, path, Map.of("overlapDays", "0"))
                            .status())
                    .as("POST %s", path)
                    .isEqualTo(403);
        }
        assertThat(clients.findByClientId(OidcClient.M2M)).isNotNull();
    }

    @Test
    void anUnknownClientIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(admin.get("/admin/clients/" + unknown).status()).isEqualTo(404);
        assertThat(ConsoleSignIn.post(admin, "/admin/clients/" + unknown + "/delete", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(ConsoleSignIn.post(admin, "/admin/clients/" + unknown + "/secret", Map.of("overlapDays", "1"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void redirectUrisWithAFragmentJavascriptOrAWildcardAreRefusedOnTheForm() {
        for (String uri : List.of(
                "https://app.example.com/callback#token", "javascript:alert(1)", "https://*.example.com/callback")) {
            String clientId = uniqueClientId();
            Page refused = create(admin, clientId, Map.of("redirectUris", uri));

            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.document().select("p.field-error").text())
                    .as(uri)
                    .isNotBlank();
            assertThat(refused.document().selectFirst("textarea#redirectUris").text())
                    .isEqualTo(uri);
            assertThat(refused.document().selectFirst("input#clientId").val()).isEqualTo(clientId);
            assertThat(clients.findByClientId(clientId)).as(uri).isNull();
        }
    }

    @Test
    void theGeneratedSecretIsShownOnceAndNoSecretCanBeSetByHand() throws Exception {
        String clientId = uniqueClientId();
        Page created = create(
                admin,
                clientId,
                Map.of(
                        "grantTypes",
                        "client_credentials",
                        "redirectUris",
                        "",
                        "scopes",
                        "scope1",
                        "clientSecret",
                        "short",
                        "secret",
                        "short"));

        String secret = secretOn(created);
        assertThat(secret).hasSize(43);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(server.client(clientId, secret).clientCredentials("scope1").indicatesSuccess())
                .isTrue();
        assertThat(server.client(clientId, "short").clientCredentials("scope1").indicatesSuccess())
                .isFalse();
        Page again = admin.get(clientPath(created));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).doesNotContain(secret);
        assertThat(admin.get(clientPath(created) + "/secret").status()).isNotEqualTo(200);
        assertThat(events(clientId, AuditEventType.CLIENT_CREATED))
                .singleElement()
                .satisfies(event -> assertThat(event.method()).isEqualTo("console"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String id = clients.findByClientId(OidcClient.M2M).getId();

        assertThat(admin.post("/admin/clients/" + id + "/secret", List.of(Map.entry("overlapDays", "0")))
                        .status())
                .isEqualTo(403);
        assertThat(server.m2mClient().clientCredentials("scope1").indicatesSuccess())
                .isTrue();
    }

    @Test
    void aPublicClientGetsNoSecretAndAlwaysPkce() {
        String clientId = uniqueClientId();
        Page created = create(admin, clientId, Map.of("publicClient", "true", "requirePkce", "false"));
        assertThat(created.document().select("p.field-error").text()).contains("must use PKCE");

        Page saved = create(admin, clientId, Map.of("publicClient", "true"));

        assertThat(saved.location()).contains("?created");
        RegisteredClient client = clients.findByClientId(clientId);
        assertThat(client.getClientSecret()).isNull();
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        String path = "/admin/clients/" + client.getId();
        assertThat(admin.get(path).document().select("form[action$=/secret]")).isEmpty();
        assertThat(ConsoleSignIn.post(admin, path + "/secret", Map.of("overlapDays", "1"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aTakenClientIdIsRefusedOnTheForm() {
        Page refused = create(admin, OidcClient.M2M, Map.of());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("p.field-error").text()).contains("That client ID is taken.");
        assertThat(clients.findByClientId(OidcClient.M2M).getClientName()).isNotEqualTo("Console test m2m.client");
    }

    @Test
    void anEditIsSavedAndAnEditFromAStaleFormIsRefused() {
        String clientId = uniqueClientId();
        String path = clientPath(create(admin, clientId, Map.of()));
        Page list = admin.get("/admin/clients?page=0");
        assertThat(list.document().select("a[href=" + path + "]").text()).isEqualTo(clientId);
        assertThat(list.document().select("code").eachText()).contains("http://127.0.0.1:8081/");
        Page edit = admin.get(path);

        Page saved = admin.follow(admin.submit(edit, "form[action$=" + path + "]", Map.of("scopes", "openid email")));
        assertThat(saved.body()).contains("Saved.");
        assertThat(clients.findByClientId(clientId).getScopes()).containsExactlyInAnyOrder("openid", "email");
        assertThat(events(clientId, AuditEventType.CLIENT_UPDATED)).hasSize(1);

        Page stale = admin.submit(edit, "form[action$=" + path + "]", Map.of("scopes", "openid profile"));
        assertThat(stale.body()).contains("Someone changed this client");
        assertThat(clients.findByClientId(clientId).getScopes()).containsExactlyInAnyOrder("openid", "email");
    }

    @Test
    void aClientFromTheConfigurationIsReadOnly() throws Exception {
        RegisteredClient m2m = clients.findByClientId(OidcClient.M2M);
        Page page = admin.get("/admin/clients/" + m2m.getId());

        assertThat(page.body()).contains("defined in the configuration");
        assertThat(page.document().select("form[action$=/secret], form[action$=/delete]"))
                .isEmpty();
        Page rotate =
                ConsoleSignIn.post(admin, "/admin/clients/" + m2m.getId() + "/secret", Map.of("overlapDays", "0"));
        assertThat(rotate.status()).isEqualTo(409);
        assertThat(ConsoleSignIn.post(admin, "/admin/clients/" + m2m.getId() + "/delete", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(server.m2mClient().clientCredentials("scope1").indicatesSuccess())
                .isTrue();
    }

    static String uniqueClientId() {
        return "console-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Submits the new-client form: a confidential client signing users in, with the given fields changed and, if
     * any are given, these grant types chosen instead.
     */
    static Page create(Browser admin, String clientId, Map<String, String> overrides, String... grantTypes) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "clientId",
                clientId,
                "clientName",
                "Console test " + clientId,
                "redirectUris",
                OidcClient.REDIRECT_URI.toString(),
                "scopes",
                "openid profile scope1"));
        fields.putAll(overrides);
        FormElement form = admin.get("/admin/clients/new").form(CREATE_FORM);
        List<Map.Entry<String, String>> posted = new ArrayList<>();
        for (KeyVal field : form.formData()) {
            boolean grant = field.key().equals("grantTypes") && grantTypes.length > 0;
            if (!fields.containsKey(field.key()) && !grant) {
                posted.add(Map.entry(field.key(), field.value()));
            }
        }
        fields.forEach((name, value) -> posted.add(Map.entry(name, value)));
        for (String grantType : grantTypes) {
            posted.add(Map.entry("grantTypes", grantType));
        }
        return admin.post(form.absUrl("action"), posted);
    }

    static String secretOn(Page page) {
        assertThat(page.document().selectFirst("#client-secret"))
                .as(page.body())
                .isNotNull();
        return page.document().selectFirst("#client-secret").text();
    }

    /** The client's page, from the link on the page that followed its creation. */
    static String clientPath(Page page) {
        return page.document().selectFirst("main a[href^=/admin/clients/]").attr("href");
    }

    List<AuditEvent> events(String clientId, AuditEventType type) {
        return audit.search(new AuditQuery(null, clientId, type, null, null), 0, 10)
                .events();
    }
}
