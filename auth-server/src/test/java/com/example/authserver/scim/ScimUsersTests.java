package com.example.authserver.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.PhoneNumber;
import com.unboundid.scim2.common.types.UserResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Users endpoint driven by UnboundID's SCIM 2 client, as a provisioning system drives it: the whole lifecycle,
 * every filter operator, sorting and paging, attribute selection, ETags, and the refusals a provisioning client meets.
 */
@ServerTest
class ScimUsersTests {

    static final String AUTHFORGE = "urn:ietf:params:scim:schemas:extension:authforge:2.0:User";

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

    ScimService scim;

    @BeforeEach
    void provisioningClient() throws Exception {
        scim = ScimClients.service(server, ScimClients.scimToken(server));
    }

    static UserResource user(String userName, String given, String family) {
        return new UserResource()
                .setUserName(userName)
                .setName(new Name().setGivenName(given).setFamilyName(family))
                .setEmails(List.of(new Email()
                        .setValue(userName + "@example.com")
                        .setType("work")
                        .setPrimary(true)));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static int status(Throwable thrown) {
        return ((ScimException) thrown).getScimError().getStatus();
    }

    static String scimType(Throwable thrown) {
        return ((ScimException) thrown).getScimError().getScimType();
    }

    @Test
    void aUserIsCreatedReadReplacedPatchedAndDeleted() throws Exception {
        String userName = unique("scim-life-");
        UserResource created = scim.create(
                "Users",
                user(userName, "Ada", "Lovelace")
                        .setPassword(TestUsers.PASSWORD)
                        .setPhoneNumbers(
                                new PhoneNumber().setValue("+44 20 7946 0000").setType("mobile")));

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getPassword()).as("write-only").isNull();
        assertThat(created.getMeta().getResourceType()).isEqualTo("User");
        assertThat(created.getMeta().getLocation().toString())
                .isEqualTo(server.issuer() + "/scim/v2/Users/" + created.getId());
        assertThat(created.getMeta().getVersion()).startsWith("W/\"");
        assertThat(created.getActive()).isTrue();
        assertThat(userManager.checkPassword(created.getId(), TestUsers.PASSWORD))
                .hasToString("NOT_CONFIRMED")
                .as("the email is not confirmed until the request says so");

        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(read.getUserName()).isEqualTo(userName);
        assertThat(read.getPhoneNumbers())
                .singleElement()
                .satisfies(phone -> assertThat(phone.getValue()).isEqualTo("+44 20 7946 0000"));

        read.getName().setFamilyName("King");
        UserResource replaced = scim.replaceRequest(read).ifMatch().invoke();
        assertThat(replaced.getName().getFamilyName()).isEqualTo("King");
        assertThat(replaced.getMeta().getVersion()).isNotEqualTo(read.getMeta().getVersion());

        UserResource patched = scim.modifyRequest("Users", created.getId())
                .replaceValue("emails[type eq \"work\"].value", "ada.king@example.com")
                .replaceValue(AUTHFORGE + ":emailConfirmed", true)
                .invoke(UserResource.class);
        assertThat(patched.getEmails()).singleElement().satisfies(email -> {
            assertThat(email.getValue()).isEqualTo("ada.king@example.com");
            assertThat(email.getPrimary()).isTrue();
        });
        ApplicationUser stored = userManager.findById(created.getId()).orElseThrow();
        assertThat(stored.getEmail()).isEqualTo("ada.king@example.com");
        assertThat(stored.isEmailConfirmed()).isTrue();
        assertThat(audit.recentFor(created.getId(), 10))
                .extracting(event -> event.type() + "/" + event.method())
                .contains("USER_CREATED/scim", "USER_UPDATED/scim");

        String version = patched.getMeta().getVersion();
        assertThatThrownBy(() -> scim.deleteRequest("Users", created.getId())
                        .ifMatch("W/\"12345\"")
                        .invoke())
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(412));
        scim.deleteRequest("Users", created.getId()).ifMatch(version).invoke();

        assertThat(userManager.findById(created.getId())).isEmpty();
        assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(404));
    }

    @Test
    void filtersSortingPagingAndAttributesRunOnTheStore() throws Exception {
        String p = unique("f").toLowerCase();
        UserResource anna = scim.create("Users", user(p + "-anna", "Anna", "Berg"));
        UserResource bert = scim.create(
                "Users", user(p + "-bert", "Bert", "Olsen").setPhoneNumbers(new PhoneNumber().setValue("+1 555 0100")));
        UserResource carl =
                scim.create("Users", user(p + "-carl", "Carl", "Berg").setActive(false));
        while (!userManager.accessFailed(bert.getId())) {
            // bert is locked out: lockoutEnd is a date to compare
        }
        String mine = "userName sw \"" + p + "\"";

        assertThat(names("userName eq \"" + p.toUpperCase() + "-ANNA\"")).containsExactly(p + "-anna");
        assertThat(names(mine)).containsExactly(p + "-anna", p + "-bert", p + "-carl");
        assertThat(names(mine + " and userName ew \"-bert\"")).containsExactly(p + "-bert");
        assertThat(names(mine + " and userName co \"ar\"")).containsExactly(p + "-carl");
        assertThat(names(mine + " and userName ne \"" + p + "-anna\"")).containsExactly(p + "-bert", p + "-carl");
        assertThat(names(mine + " and name.familyName eq \"berg\"")).containsExactly(p + "-anna", p + "-carl");
        assertThat(names(mine + " and phoneNumbers pr")).containsExactly(p + "-bert");
        assertThat(names(mine + " and not (active eq true)")).containsExactly(p + "-carl");
        assertThat(names(mine + " and (name.givenName eq \"Anna\" or name.givenName eq \"Bert\")"))
                .containsExactly(p + "-anna", p + "-bert");
        assertThat(names(mine + " and userName gt \"" + p + "-anna\"")).containsExactly(p + "-bert", p + "-carl");
        assertThat(names(mine + " and userName ge \"" + p + "-bert\"")).containsExactly(p + "-bert", p + "-carl");
        assertThat(names(mine + " and userName lt \"" + p + "-bert\"")).containsExactly(p + "-anna");
        assertThat(names(mine + " and userName le \"" + p + "-bert\"")).containsExactly(p + "-anna", p + "-bert");
        assertThat(names("emails.value eq \"" + p + "-anna@EXAMPLE.com\"")).containsExactly(p + "-anna");
        assertThat(names(mine + " and emails[type eq \"work\" and value sw \"" + p + "-c\"]"))
                .containsExactly(p + "-carl");
        assertThat(names(mine + " and " + AUTHFORGE + ":lockoutEnd gt \"2000-01-01T00:00:00Z\""))
                .containsExactly(p + "-bert");
        assertThat(names(mine + " and " + AUTHFORGE + ":lockoutEnd le \"2000-01-01T00:00:00Z\""))
                .isEmpty();

        ListResponse<UserResource> page = scim.searchRequest("Users")
                .filter(mine)
                .sort("name.givenName", SortOrder.DESCENDING)
                .page(2, 1)
                .invoke(UserResource.class);
        assertThat(page.getTotalResults()).isEqualTo(3);
        assertThat(page.getStartIndex()).isEqualTo(2);
        assertThat(page.getResources()).extracting(UserResource::getUserName).containsExactly(p + "-bert");

        ListResponse<GenericScimResource> only = scim.searchRequest("Users")
                .filter("id eq \"" + anna.getId() + "\"")
                .attributes("userName", "name.givenName")
                .invoke(GenericScimResource.class);
        GenericScimResource onlyAnna = only.getResources().get(0);
        assertThat(onlyAnna.getObjectNode().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("schemas", "id", "userName", "name");
        assertThat(onlyAnna.getStringValue("name.givenName")).isEqualTo("Anna");
        assertThat(onlyAnna.getObjectNode().path("name").has("familyName")).isFalse();

        ListResponse<GenericScimResource> without = scim.searchRequest("Users")
                .filter("id eq \"" + carl.getId() + "\"")
                .excludedAttributes("emails", "name", "id")
                .invokePost(GenericScimResource.class);
        assertThat(without.getResources().get(0).getObjectNode().has("emails")).isFalse();
        assertThat(without.getResources().get(0).getObjectNode().has("name")).isFalse();
        assertThat(without.getResources().get(0).getId()).as("always returned").isEqualTo(carl.getId());
        assertThat(without.getResources().get(0).getBooleanValue("active")).isFalse();
    }

    List<String> names(String filter) throws ScimException {
        return scim
                .searchRequest("Users")
                .filter(filter)
                .sort("userName", SortOrder.ASCENDING)
                .invoke(UserResource.class)
                .getResources()
                .stream()
                .map(UserResource::getUserName)
                .toList();
    }

    @Test
    void aStaleVersionIsRefusedAndTheCurrentOneIsNotResent() throws Exception {
        UserResource created = scim.create("Users", user(unique("scim-etag-"), "Eve", "Tag"));
        UserResource changed = scim.modifyRequest("Users", created.getId())
                .replaceValue("name.givenName", "Eva")
                .ifMatch(created.getMeta().getVersion())
                .invoke(UserResource.class);

        assertThatThrownBy(() -> scim.modifyRequest("Users", created.getId())
                        .replaceValue("name.givenName", "Evelyn")
                        .ifMatch(created.getMeta().getVersion())
                        .invoke(UserResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(412));
        created.setName(new Name().setGivenName("Evelyn"));
        assertThatThrownBy(() -> scim.replaceRequest(created).ifMatch().invoke())
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(412));
        assertThatThrownBy(() -> scim.retrieveRequest("Users", created.getId())
                        .ifNoneMatch(changed.getMeta().getVersion())
                        .invoke(UserResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(304));
        assertThat(userManager.findById(created.getId()).orElseThrow().getGivenName())
                .isEqualTo("Eva");
    }

    @Test
    void takenNamesWeakPasswordsAndReadOnlyAttributesAreRefused() throws Exception {
        UserResource created = scim.create("Users", user(unique("scim-refuse-"), "Rita", "Fused"));

        assertThatThrownBy(() -> scim.create("Users", user(created.getUserName().toUpperCase(), "Other", "One")))
                .satisfies(thrown -> {
                    assertThat(status(thrown)).isEqualTo(409);
                    assertThat(scimType(thrown)).isEqualTo("uniqueness");
                });
        assertThatThrownBy(() -> scim.create(
                        "Users", user(unique("scim-weak-"), "W", "P").setPassword("abc")))
                .satisfies(thrown -> {
                    assertThat(status(thrown)).isEqualTo(400);
                    assertThat(scimType(thrown)).isEqualTo("invalidValue");
                });
        assertThatThrownBy(() -> scim.create(
                        "Users",
                        user(unique("scim-two-"), "T", "E")
                                .setEmails(List.of(
                                        new Email().setValue("a@example.com"), new Email().setValue("b@example.com")))))
                .satisfies(thrown -> assertThat(scimType(thrown)).isEqualTo("invalidValue"));
        for (String path : List.of("id", "meta.version", "meta", "groups", AUTHFORGE + ":lockoutEnd")) {
            assertThatThrownBy(() -> scim.modifyRequest("Users", created.getId())
                            .replaceValue(path, "2030-01-01T00:00:00Z")
                            .invoke(UserResource.class))
                    .as(path)
                    .satisfies(thrown -> {
                        assertThat(status(thrown)).isEqualTo(400);
                        assertThat(scimType(thrown)).isEqualTo("mutability");
                    });
        }
        assertThatThrownBy(() -> scim.modifyRequest("Users", created.getId())
                        .replaceValue("password", "abc")
                        .invoke(UserResource.class))
                .satisfies(thrown -> assertThat(scimType(thrown)).isEqualTo("invalidValue"));
        assertThat(userManager.findById(created.getId()).orElseThrow().getConcurrencyStamp())
                .as("nothing was stored")
                .isEqualTo(Long.parseLong(created.getMeta().getVersion().replaceAll("\\D", "")));
    }

    @Test
    void inactiveDisablesTheUserAtOnceAsTheConsoleDoes() throws Exception {
        ApplicationUser user = testUsers.create("scim-inactive");
        RefreshToken refresh = SignInFlow.signIn(
                        server.browser(), server.interactiveClient(), "openid", user.getUserName(), TestUsers.PASSWORD)
                .getTokens()
                .getRefreshToken();

        UserResource disabled = scim.modifyRequest("Users", user.getId())
                .replaceValue("active", false)
                .invoke(UserResource.class);

        assertThat(disabled.getActive()).isFalse();
        assertThat(server.interactiveClient().refresh(refresh).indicatesSuccess())
                .isFalse();
        assertThat(audit.recentFor(user.getId(), 1).get(0))
                .satisfies(event -> assertThat(event.type() + "/" + event.method())
                        .isEqualTo(AuditEventType.USER_DISABLED + "/scim"));
    }

    @Test
    void anAdministratorIsOutOfReachOfAScimScopedClient() throws Exception {
        ApplicationUser administrator = testUsers.create("scim-admin");
        roleManager.findOrCreate("admin");
        userManager.addToRole(administrator, "admin");

        assertThatThrownBy(() -> scim.modifyRequest("Users", administrator.getId())
                        .replaceValue("password", "Another-Horse-7")
                        .invoke(UserResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(403));
        assertThatThrownBy(() -> scim.delete("Users", administrator.getId()))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(403));
        assertThat(userManager.findById(administrator.getId())).isPresent();
    }
}
