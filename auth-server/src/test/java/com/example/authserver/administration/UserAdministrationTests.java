package com.example.authserver.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import com.example.authserver.support.Browser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What an administrator does to a user, whatever the channel: a disabled or deleted user is out at once (sessions,
 * refresh tokens), roles change exactly as asked, and every change leaves its audit event.
 */
@ServerTest
class UserAdministrationTests {

    @Autowired
    UserAdministration administration;

    @Autowired
    UserManager userManager;

    @Autowired
    RoleManager roleManager;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    /** As in a request of the console: the sessions of a disabled user end there and then. */
    @BeforeEach
    void inARequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("localhost");
        request.setServerPort(server.port());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void outOfTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aDisabledUserIsSignedOutAndTheirRefreshTokenRefusedAtOnce() throws Exception {
        ApplicationUser user = users.create("admin-disable");
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        RefreshToken refresh = SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getTokens()
                .getRefreshToken();

        administration.setActive(user.getId(), false, UserAdministration.CONSOLE);

        assertThat(browser.navigate("/account").uri().getPath()).isEqualTo("/login");
        assertThat(client.refresh(refresh).indicatesSuccess()).isFalse();
        assertThat(userManager.isActive(userManager.findById(user.getId()).orElseThrow()))
                .as("sign-in and UserInfo ask this")
                .isFalse();
        assertThat(audit.recentFor(user.getId(), 1)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.USER_DISABLED);
            assertThat(event.method()).isEqualTo("console");
        });

        administration.setActive(user.getId(), true, UserAdministration.CONSOLE);
        assertThat(userManager.isActive(userManager.findById(user.getId()).orElseThrow()))
                .isTrue();
        assertThat(audit.recentFor(user.getId(), 1).get(0).type()).isEqualTo(AuditEventType.USER_ENABLED);
    }

    @Test
    void anAdministratorCanBeDisabledWhileAnotherRemains() {
        ApplicationUser first = users.create("admin-first");
        ApplicationUser second = users.create("admin-second");
        roleManager.findOrCreate(IdentityRole.ADMIN_NAME);
        administration.setRoles(first.getId(), Set.of(IdentityRole.ADMIN_NAME), UserAdministration.CONSOLE);
        administration.setRoles(second.getId(), Set.of(IdentityRole.ADMIN_NAME), UserAdministration.CONSOLE);

        // counts the enabled administrators with their rows locked (a query each database must accept)
        administration.setActive(first.getId(), false, UserAdministration.SCIM);

        assertThat(userManager.findById(first.getId()).orElseThrow().isEnabled())
                .isFalse();
        administration.delete(first.getId(), UserAdministration.CONSOLE);
        assertThat(userManager.findById(first.getId())).isEmpty();
    }

    @Test
    void aDeletedUserIsGoneWithTheirSessionsAndGrants() throws Exception {
        ApplicationUser user = users.create("admin-delete");
        OidcClient client = server.interactiveClient();
        Browser browser = server.browser();
        RefreshToken refresh = SignInFlow.signIn(browser, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getTokens()
                .getRefreshToken();

        administration.delete(user.getId(), UserAdministration.SCIM);

        assertThat(userManager.findById(user.getId())).isEmpty();
        assertThat(browser.navigate("/account").uri().getPath()).isEqualTo("/login");
        assertThat(client.refresh(refresh).indicatesSuccess()).isFalse();
        assertThat(audit.recentFor(user.getId(), 1).get(0))
                .extracting(AuditEvent::type, AuditEvent::method)
                .containsExactly(AuditEventType.USER_DELETED, "scim");
    }

    @Test
    void rolesBecomeExactlyTheOnesGivenAndTheChangeIsRecorded() {
        ApplicationUser user = users.create("admin-roles");
        String first = "role-" + UUID.randomUUID();
        String second = "role-" + UUID.randomUUID();
        roleManager.findOrCreate(first);
        roleManager.findOrCreate(second);
        administration.setRoles(user.getId(), Set.of(first), UserAdministration.CONSOLE);

        administration.setRoles(user.getId(), Set.of(second), UserAdministration.CONSOLE);

        assertThat(userManager.getRoleNames(user)).containsExactly(second);
        assertThat(audit.recentFor(user.getId(), 1).get(0).detail())
                .isEqualTo("added: [" + second + "], removed: [" + first + "]");
        assertThatThrownBy(() ->
                        administration.setRoles(user.getId(), Set.of("no-such-role-" + UUID.randomUUID()), "console"))
                .isInstanceOf(IdentityException.class);
        assertThat(userManager.getRoleNames(user)).containsExactly(second);
    }

    @Test
    void aUserCreatedWithoutAPasswordCannotSignInWithOneUntilItIsSet() {
        ApplicationUser user = new ApplicationUser();
        user.setUserName("admin-create-" + UUID.randomUUID().toString().substring(0, 8));
        user.setEmail(user.getUserName() + "@example.com");
        user.setEmailConfirmed(true);

        ApplicationUser created = administration.create(user, null, UserAdministration.SCIM);

        assertThat(userManager.checkPassword(created.getId(), "")).isNotEqualTo(PasswordCheckResult.SUCCESS);
        assertThatThrownBy(() -> administration.setPassword(created.getId(), "short", UserAdministration.SCIM))
                .isInstanceOf(IdentityException.class);
        administration.setPassword(created.getId(), TestUsers.PASSWORD, UserAdministration.SCIM);
        assertThat(userManager.checkPassword(created.getId(), TestUsers.PASSWORD))
                .isEqualTo(PasswordCheckResult.SUCCESS);
        assertThat(audit.recentFor(created.getId(), 2))
                .extracting(AuditEvent::type)
                .containsExactly(AuditEventType.PASSWORD_RESET, AuditEventType.USER_CREATED);
    }
}
