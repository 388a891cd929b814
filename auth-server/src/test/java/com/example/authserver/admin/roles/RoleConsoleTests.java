package com.example.authserver.admin.roles;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.admin.clients.ConsoleSignIn;
import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditQuery;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The roles pages of the console over HTTP: who may use them, what they refuse, and what they change. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleConsoleTests {

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
        IdentityRole role = roleManager.create(uniqueName());
        String path = "/admin/roles/" + role.getId();
        for (String page : List.of("/admin/roles", path)) {
            assertThat(user.get(page).status()).as("GET %s", page).isEqualTo(403);
        }
        for (String post :
                List.of("/admin/roles", path, path + "/delete", path + "/claims", path + "/claims/1/delete")) {
            assertThat(ConsoleSignIn.post(user, post, Map.of("name", "taken-over", "type", "x", "value", "y"))
                            .status())
                    .as("POST %s", post)
                    .isEqualTo(403);
        }
        assertThat(roleManager.findById(role.getId()))
                .get()
                .extracting(IdentityRole::getName)
                .isEqualTo(role.getName());
    }

    @Test
    void unknownRolesAndClaimsAreNotFound() {
        String unknown = "/admin/roles/" + UUID.randomUUID();
        assertThat(admin.get(unknown).status()).isEqualTo(404);
        assertThat(ConsoleSignIn.post(admin, unknown + "/delete", Map.of()).status())
                .isEqualTo(404);
        IdentityRole role = roleManager.create(uniqueName());
        IdentityRole other = roleManager.create(uniqueName());
        roleManager.addClaim(other, "department", "Sales");
        long othersClaim = roleManager.claimsOf(other).get(0).getId();
        String path = "/admin/roles/" + role.getId();
        assertThat(ConsoleSignIn.post(admin, path + "/claims/" + othersClaim + "/delete", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(ConsoleSignIn.post(admin, path + "/claims/not-a-number/delete", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(roleManager.claimsOf(other)).hasSize(1);
    }

    @Test
    void aNameThatIsTakenOnceNormalizedOrBlankIsRefusedWithTheInputKept() {
        String name = uniqueName();
        Page created = admin.follow(ConsoleSignIn.post(admin, "/admin/roles", Map.of("name", name)));
        assertThat(created.body()).contains("The role was created.");

        Page duplicate = ConsoleSignIn.post(admin, "/admin/roles", Map.of("name", " " + name.toUpperCase() + " "));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.document().selectFirst("#name-error").text()).contains("exists already");
        assertThat(duplicate.document().selectFirst("input#name").val()).isEqualTo(" " + name.toUpperCase() + " ");
        Page blank = ConsoleSignIn.post(admin, "/admin/roles", Map.of("name", "   "));
        assertThat(blank.document().selectFirst("#name-error").text()).contains("1 to 100 characters");
        Page huge = ConsoleSignIn.post(admin, "/admin/roles", Map.of("name", "r".repeat(5000)));
        assertThat(huge.document().selectFirst("#name-error").text()).contains("1 to 100 characters");
        Page admins = ConsoleSignIn.post(admin, "/admin/roles", Map.of("name", "ADMIN"));
        assertThat(admins.document().selectFirst("#name-error").text()).contains("exists already");
        assertThat(events(AuditEventType.ROLE_CREATED, name)).hasSize(1);
    }

    @Test
    void aRoleIsRenamedGivenClaimsListedWithItsMembersAndDeleted() {
        IdentityRole role = roleManager.create(uniqueName());
        ApplicationUser member = testUsers.create("role-member");
        userManager.addToRole(member, role.getName());
        String path = "/admin/roles/" + role.getId();
        Page page = admin.get(path);
        assertThat(page.document()
                        .select("a[href=/admin/users/" + member.getId() + "]")
                        .text())
                .isEqualTo(member.getUserName());
        assertThat(admin.get("/admin/roles")
                        .document()
                        .select("tr:has(a[href=" + path + "]) td")
                        .text())
                .isEqualTo("1");

        String renamed = uniqueName();
        admin.follow(admin.submit(page, "form[action$=" + path + "]", Map.of("name", renamed)));
        assertThat(userManager.getRoleNames(member)).containsExactly(renamed);
        Page stale = admin.submit(page, "form[action$=" + path + "]", Map.of("name", uniqueName()));
        assertThat(stale.document().selectFirst("#name-error").text()).contains("changed this role");

        Page refused = ConsoleSignIn.post(admin, path + "/claims", Map.of("type", "sub", "value", "someone-else"));
        assertThat(refused.body()).contains("set by the server itself");
        admin.follow(ConsoleSignIn.post(admin, path + "/claims", Map.of("type", "department", "value", "Sales")));
        assertThat(userManager.getRoleClaims(member))
                .extracting(claim -> claim.getClaimValue())
                .containsExactly("Sales");
        long claim = roleManager.claimsOf(role).get(0).getId();
        admin.follow(ConsoleSignIn.post(admin, path + "/claims/" + claim + "/delete", Map.of()));
        assertThat(userManager.getRoleClaims(member)).isEmpty();

        Page deleted = admin.follow(ConsoleSignIn.post(admin, path + "/delete", Map.of()));
        assertThat(deleted.body()).contains("The role was deleted");
        assertThat(userManager.getRoleNames(member)).isEmpty();
        assertThat(events(AuditEventType.ROLE_UPDATED, renamed)).hasSize(3);
        assertThat(events(AuditEventType.ROLE_DELETED, renamed))
                .singleElement()
                .satisfies(event -> assertThat(event.method()).isEqualTo("console"));
    }

    @Test
    void theAdministratorRoleCannotBeRenamedOrDeleted() {
        IdentityRole administrators = roleManager.findOrCreate("admin");
        String path = "/admin/roles/" + administrators.getId();
        Page page = admin.get(path);
        assertThat(page.document().select("form[action$=/delete], form[action$=" + path + "]"))
                .isEmpty();

        Page delete = ConsoleSignIn.post(admin, path + "/delete", Map.of());
        Page rename = ConsoleSignIn.post(
                admin,
                path,
                Map.of("name", "not-admin", "stamp", String.valueOf(administrators.getConcurrencyStamp())));

        assertThat(delete.body()).contains("cannot be renamed or deleted");
        assertThat(rename.body()).contains("cannot be renamed or deleted");
        assertThat(roleManager.findById(administrators.getId()))
                .get()
                .extracting(IdentityRole::getNormalizedName)
                .isEqualTo(IdentityRole.ADMIN);
    }

    private List<AuditEvent> events(AuditEventType type, String roleName) {
        return audit.search(new AuditQuery(null, null, type, null, null), 0, 200).events().stream()
                .filter(event -> event.detail() != null && event.detail().contains(roleName))
                .toList();
    }

    private static String uniqueName() {
        return "role-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
