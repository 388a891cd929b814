package com.example.authserver.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Groups (this server's roles) and their members through UnboundID's SCIM 2 client, each change audited as the
 * console's; and the discovery endpoints, which say exactly what the Users and Groups tests rely on.
 */
@ServerTest
class ScimGroupsTests {

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

    static int status(Throwable thrown) {
        return ((ScimException) thrown).getScimError().getStatus();
    }

    @Test
    void aGroupIsARoleWhoseMembersChangeByPatch() throws Exception {
        ApplicationUser ann = testUsers.create("scim-member");
        ApplicationUser ben = testUsers.create("scim-member");
        String name = "scim-group-" + UUID.randomUUID().toString().substring(0, 8);

        GroupResource group = scim.create(
                "Groups",
                new GroupResource().setDisplayName(name).setMembers(List.of(new Member().setValue(ann.getId()))));

        assertThat(group.getId())
                .isEqualTo(roleManager.findByName(name).orElseThrow().getId());
        assertThat(group.getMembers()).extracting(Member::getValue).containsExactly(ann.getId());
        assertThat(userManager.getRoleNames(ann)).contains(name);
        assertThat(scim.retrieve("Users", ann.getId(), UserResource.class).getGroups())
                .singleElement()
                .satisfies(role -> assertThat(role.getDisplay()).isEqualTo(name));
        assertThat(scim.searchRequest("Users")
                        .filter("groups.value eq \"" + group.getId() + "\"")
                        .invoke(UserResource.class)
                        .getResources())
                .extracting(UserResource::getId)
                .containsExactly(ann.getId());

        GroupResource patched = scim.modifyRequest("Groups", group.getId())
                .addValues("members", new Member().setValue(ben.getId()))
                .removeValues("members[value eq \"" + ann.getId() + "\"]")
                .ifMatch(group.getMeta().getVersion())
                .invoke(GroupResource.class);

        assertThat(patched.getMembers()).extracting(Member::getValue).containsExactly(ben.getId());
        assertThat(patched.getMeta().getVersion()).isNotEqualTo(group.getMeta().getVersion());
        assertThat(userManager.getRoleNames(ann)).doesNotContain(name);
        assertThat(userManager.getRoleNames(ben)).contains(name);
        assertThat(audit.recentFor(ann.getId(), 5))
                .filteredOn(event -> event.type().name().equals("USER_ROLES_CHANGED"))
                .extracting(event -> event.method())
                .containsOnly("scim")
                .hasSize(2);

        ListResponse<GroupResource> found = scim.searchRequest("Groups")
                .filter("displayName eq \"" + name.toUpperCase() + "\" and members[value eq \"" + ben.getId() + "\"]")
                .invoke(GroupResource.class);
        assertThat(found.getResources()).extracting(GroupResource::getId).containsExactly(group.getId());

        assertThatThrownBy(() -> scim.modifyRequest("Groups", group.getId())
                        .replaceValue("displayName", "renamed")
                        .invoke(GroupResource.class))
                .satisfies(thrown -> assertThat(
                                ((ScimException) thrown).getScimError().getScimType())
                        .isEqualTo("mutability"));
        assertThatThrownBy(() -> scim.modifyRequest("Groups", group.getId())
                        .addValues("members", new Member().setValue("no-such-user"))
                        .invoke(GroupResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(400));
        assertThatThrownBy(() -> scim.modifyRequest("Groups", group.getId())
                        .removeValues("members")
                        .ifMatch(group.getMeta().getVersion())
                        .invoke(GroupResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(412));
        assertThatThrownBy(() -> scim.create("Groups", new GroupResource().setDisplayName(name)))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(409));

        scim.delete("Groups", group.getId());
        assertThat(roleManager.findByName(name)).isEmpty();
        assertThat(userManager.getRoleNames(ben)).doesNotContain(name);
        assertThat(audit.search(new AuditQuery(null, null, AuditEventType.ROLE_DELETED, null, null), 0, 50)
                        .events())
                .anySatisfy(event -> assertThat(event.detail()).isEqualTo("role " + name));
    }

    @Test
    void theAdministratorsRoleChangesOnlyWithScopeAdmin() throws Exception {
        ApplicationUser user = testUsers.create("scim-not-admin");
        String adminId = roleManager.findOrCreate("admin").getId();

        assertThatThrownBy(() -> scim.modifyRequest("Groups", adminId)
                        .addValues("members", new Member().setValue(user.getId()))
                        .invoke(GroupResource.class))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(403));
        assertThat(userManager.getRoleNames(user)).isEmpty();
        assertThatThrownBy(() -> scim.delete("Groups", adminId))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(403));
    }

    @Test
    void discoverySaysWhatIsSupported() throws Exception {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isEqualTo(ListParameters.MAX_COUNT);
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getSort().isSupported()).isTrue();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isFalse();
        assertThat(config.getAuthenticationSchemes())
                .singleElement()
                .satisfies(scheme -> assertThat(scheme.getType()).isEqualTo("oauthbearertoken"));

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources())
                .extracting(ResourceTypeResource::getName)
                .containsExactly("User", "Group");
        assertThat(types.getResources().get(0).getSchemaExtensions())
                .extracting(extension -> extension.getSchema().toString())
                .containsExactlyElementsOf(ScimProtocolUnitTests.expectedExtensions());
        assertThat(scim.getResourceType("Group").getEndpoint().toString()).isEqualTo("/Groups");

        SchemaResource user = scim.getSchema("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(user.getAttributes())
                .extracting(AttributeDefinition::getName)
                .contains("userName", "name", "emails", "phoneNumbers", "active", "password", "groups")
                .doesNotContain("addresses", "photos");
        assertThat(user.getAttributes())
                .filteredOn(attribute -> attribute.getName().equals("password"))
                .singleElement()
                .satisfies(
                        password -> assertThat(password.getReturned()).isEqualTo(AttributeDefinition.Returned.NEVER));
        assertThat(scim.getSchema(ScimUsersTests.AUTHFORGE).getAttributes())
                .extracting(AttributeDefinition::getName)
                .contains("emailConfirmed", "lockoutEnd");
        assertThat(scim.getSchemas().getResources())
                .extracting(SchemaResource::getId)
                .contains("urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThatThrownBy(() -> scim.getSchema("urn:nothing"))
                .satisfies(thrown -> assertThat(status(thrown)).isEqualTo(404));
        assertThat(scim.retrieve("ResourceTypes", "User", GenericScimResource.class)
                        .getId())
                .isEqualTo("User");
    }
}
