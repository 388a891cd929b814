package com.example.authserver.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.scim.ExtensionProperty.Kind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The protocol pieces without a server: filter bounds, paths, paging, attribute selection, ETags, extensions. */
class ScimProtocolUnitTests {

    static String scimType(Throwable thrown) {
        return ((BadRequestException) thrown).getScimError().getScimType();
    }

    @Test
    void filtersAreParsedWithinBounds() throws Exception {
        assertThat(ScimFilters.parse(null)).isNull();
        assertThat(ScimFilters.parse("userName eq \"a(b[c\" and (active eq true)")
                        .toString())
                .contains("userName");
        assertThat(ScimFilters.parse("(".repeat(ScimFilters.MAX_DEPTH) + "id pr" + ")".repeat(ScimFilters.MAX_DEPTH)))
                .isNotNull();
        for (String filter : new String[] {
            "(".repeat(ScimFilters.MAX_DEPTH + 1) + "id pr" + ")".repeat(ScimFilters.MAX_DEPTH + 1),
            "id eq \"" + "x".repeat(ScimFilters.MAX_LENGTH) + "\"",
            "id pr or ".repeat(ScimFilters.MAX_TERMS) + "id pr",
            "id eq",
            "id eq \"a\" )"
        }) {
            assertThatThrownBy(() -> ScimFilters.parse(filter))
                    .as(filter)
                    .satisfies(thrown -> assertThat(scimType(thrown)).isEqualTo("invalidFilter"));
        }
    }

    @Test
    void pathsBecomeLowerCaseKeysWithoutTheCoreSchema() throws Exception {
        assertThat(ScimFilters.key(Path.fromString("name.givenName"), UserSchema.CORE))
                .isEqualTo("name.givenname");
        assertThat(ScimFilters.key(Path.fromString(UserSchema.CORE + ":userName"), UserSchema.CORE))
                .isEqualTo("username");
        assertThat(ScimFilters.key(Path.fromString(ExtensionProperty.AUTHFORGE_USER + ":lockoutEnd"), UserSchema.CORE))
                .isEqualTo(ExtensionProperty.AUTHFORGE_USER.toLowerCase() + ":lockoutend");
        assertThat(ColumnComparison.escape("50%_off!")).isEqualTo("50!%!_off!!");
    }

    @Test
    void pagingIsCappedAndSortOrderChecked() throws Exception {
        ListParameters huge = ListParameters.of(null, "userName", "DESCENDING", -3, 1_000_000, UserSchema.CORE);
        assertThat(huge.startIndex()).isEqualTo(1);
        assertThat(huge.count()).isEqualTo(ListParameters.MAX_COUNT);
        assertThat(huge.descending()).isTrue();
        assertThat(ListParameters.of(null, null, null, null, null, UserSchema.CORE)
                        .count())
                .isEqualTo(ListParameters.DEFAULT_COUNT);
        assertThatThrownBy(() -> ListParameters.of(null, null, "sideways", null, null, UserSchema.CORE))
                .satisfies(thrown -> assertThat(scimType(thrown)).isEqualTo("invalidValue"));
    }

    @Test
    void attributesSelectAndExcludeButKeepIdAndSchemas() throws Exception {
        ObjectNode user = ScimJson.newObject();
        user.putArray("schemas").add(UserSchema.CORE);
        user.put("id", "1").put("userName", "ada");
        user.putObject("name").put("givenName", "Ada").put("familyName", "King");
        user.putArray("emails").addObject().put("value", "a@example.com").put("type", "work");
        user.putObject(ExtensionProperty.AUTHFORGE_USER)
                .put("emailConfirmed", true)
                .put("twoFactorEnabled", false);

        ObjectNode selected = AttributeSelection.of(
                        "name.familyName,emails.value," + ExtensionProperty.AUTHFORGE_USER + ":emailConfirmed",
                        null,
                        UserSchema.CORE)
                .apply(user);
        assertThat(selected.toString())
                .isEqualTo("{\"schemas\":[\"" + UserSchema.CORE + "\"],\"id\":\"1\",\"name\":{\"familyName\":\"King\"},"
                        + "\"emails\":[{\"value\":\"a@example.com\"}],\"" + ExtensionProperty.AUTHFORGE_USER
                        + "\":{\"emailConfirmed\":true}}");

        ObjectNode excluded = AttributeSelection.of(null, "id,NAME.givenName,emails", UserSchema.CORE)
                .apply(user);
        assertThat(excluded.has("id")).isTrue();
        assertThat(excluded.has("emails")).isFalse();
        assertThat(excluded.path("name").has("givenName")).isFalse();
        assertThat(excluded.path("name").path("familyName").asText()).isEqualTo("King");
        assertThat(user.has("emails")).as("the resource itself is untouched").isTrue();
    }

    @Test
    void ifMatchNeedsTheCurrentVersion() throws Exception {
        ETags.requireMatch(null, "W/\"3\"");
        ETags.requireMatch("W/\"3\"", "W/\"3\"");
        ETags.requireMatch("\"3\"", "W/\"3\"");
        ETags.requireMatch("W/\"1\", W/\"3\"", "W/\"3\"");
        ETags.requireMatch("*", "W/\"3\"");
        assertThatThrownBy(() -> ETags.requireMatch("W/\"2\"", "W/\"3\""))
                .isInstanceOf(PreconditionFailedException.class);
    }

    /** A team's own user properties, as they would add them to ApplicationUser. */
    static class TeamUser extends ApplicationUser {

        private String department;

        private String nickname;

        private Instant hiredAt;

        private Integer level;

        public String getDepartment() {
            return department;
        }

        public void setDepartment(String department) {
            this.department = department;
        }

        public String getNickname() {
            return nickname;
        }

        public void setNickname(String nickname) {
            this.nickname = nickname;
        }

        public Instant getHiredAt() {
            return hiredAt;
        }

        public Integer getLevel() {
            return level;
        }

        public void setLevel(Integer level) {
            this.level = level;
        }
    }

    @Test
    void aPropertyATeamAddsShowsUpInAnExtension() {
        UserSchema schema = new UserSchema(ExtensionProperty.of(TeamUser.class));

        assertThat(schema.extensions())
                .contains(
                        new ExtensionProperty("department", Kind.STRING, true, ExtensionProperty.ENTERPRISE_USER),
                        new ExtensionProperty("nickname", Kind.STRING, true, ExtensionProperty.AUTHFORGE_USER),
                        new ExtensionProperty("hiredAt", Kind.DATETIME, false, ExtensionProperty.AUTHFORGE_USER),
                        new ExtensionProperty("level", Kind.INTEGER, true, ExtensionProperty.AUTHFORGE_USER))
                .extracting(ExtensionProperty::name)
                .doesNotContain("givenName", "familyName", "enabled", "userName", "passwordHash");
        assertThat(schema.extensionSchemas())
                .containsExactly(ExtensionProperty.AUTHFORGE_USER, ExtensionProperty.ENTERPRISE_USER);
        assertThat(schema.schemas())
                .extracting(resource -> resource.getId())
                .containsExactly(UserSchema.CORE, ExtensionProperty.AUTHFORGE_USER, ExtensionProperty.ENTERPRISE_USER);
        assertThat(new UserSchema().extensionSchemas())
                .as("the enterprise extension exactly when ApplicationUser has one of its attributes")
                .containsExactlyElementsOf(expectedExtensions());
    }

    /**
     * The extensions ApplicationUser as it stands should give: the enterprise one only once a team adds a property of
     * that name (as the README's walkthrough adds {@code department}).
     */
    static List<String> expectedExtensions() {
        boolean enterprise = Arrays.stream(ApplicationUser.class.getDeclaredFields())
                .map(Field::getName)
                .anyMatch(Set.of("employeeNumber", "costCenter", "organization", "division", "department")::contains);
        return enterprise
                ? List.of(ExtensionProperty.AUTHFORGE_USER, ExtensionProperty.ENTERPRISE_USER)
                : List.of(ExtensionProperty.AUTHFORGE_USER);
    }

    @Test
    void aUserIsMappedBothWays() throws Exception {
        UserResources resources = new UserResources(new UserSchema());
        ApplicationUser user = new ApplicationUser();
        ObjectNode body = ScimJson.object(("{\"schemas\":[\"" + UserSchema.CORE + "\"],\"USERNAME\":\"ada\","
                        + "\"name\":{\"givenName\":\"Ada\"},\"emails\":[{\"value\":\"ada@example.com\"},"
                        + "{\"value\":\"ADA@example.com\",\"primary\":true}],\"active\":false,\"password\":\"pw\","
                        + "\"" + ExtensionProperty.AUTHFORGE_USER + "\":{\"emailConfirmed\":true,"
                        + "\"twoFactorEnabled\":true}}")
                .getBytes());

        UserResources.Requested requested = resources.apply(body, user);

        assertThat(user.getUserName()).isEqualTo("ada");
        assertThat(user.getEmail()).as("the primary one of equal addresses").isEqualTo("ADA@example.com");
        assertThat(user.isEmailConfirmed()).isTrue();
        assertThat(user.isTwoFactorEnabled()).as("read-only: ignored").isFalse();
        assertThat(requested).isEqualTo(new UserResources.Requested("pw", false));
        ObjectNode node = resources.toNode(user, java.util.List.of(), "https://id.example.com/scim/v2");
        assertThat(node.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(node.has("password")).isFalse();
        assertThat(node.path("meta").path("location").asText())
                .isEqualTo("https://id.example.com/scim/v2/Users/" + user.getId());
        assertThatThrownBy(() -> resources.apply(
                        ScimJson.object("{\"userName\":\"no-schemas\"}".getBytes()), new ApplicationUser()))
                .satisfies(thrown -> assertThat(scimType(thrown)).isEqualTo("invalidSyntax"));
    }
}
