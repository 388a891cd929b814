package com.example.authserver.administration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.authserver.audit.AuditTrail;
import com.example.authserver.authorization.UserGrants;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.UserManager;
import com.example.authserver.sessions.UserSessions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nobody, through any channel, can leave the server without an enabled administrator. */
class LastAdministratorTests {

    private final UserManager userManager = mock(UserManager.class);

    private final UserAdministration administration = new UserAdministration(
            userManager, mock(UserSessions.class), mock(UserGrants.class), mock(AuditTrail.class));

    private final ApplicationUser lastAdmin = new ApplicationUser();

    LastAdministratorTests() {
        lastAdmin.setUserName("root");
        when(userManager.findById(lastAdmin.getId())).thenReturn(Optional.of(lastAdmin));
        when(userManager.getRoleNames(any())).thenReturn(Set.of("admin"));
        when(userManager.lockEnabledInRole(IdentityRole.ADMIN)).thenReturn(1L);
    }

    @Test
    void theLastAdministratorCannotBeDisabled() {
        assertThatThrownBy(() -> administration.setActive(lastAdmin.getId(), false, "scim"))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("last enabled administrator");
        verify(userManager, never()).updateSecurity(any(), any());
    }

    @Test
    void theLastAdministratorCannotBeDeleted() {
        assertThatThrownBy(() -> administration.delete(lastAdmin.getId(), "console"))
                .isInstanceOf(IdentityException.class);
        verify(userManager, never()).delete(any());
    }

    @Test
    void theLastAdministratorCannotLoseTheRole() {
        assertThatThrownBy(() -> administration.setRoles(lastAdmin.getId(), Set.of(), "scim"))
                .isInstanceOf(IdentityException.class);
        verify(userManager, never()).removeFromRole(any(), any());
    }

    @Test
    void anAdministratorCanGoWhenAnotherRemains() {
        when(userManager.lockEnabledInRole(IdentityRole.ADMIN)).thenReturn(2L);

        administration.delete(lastAdmin.getId(), "console");

        verify(userManager).delete(lastAdmin.getId());
    }
}
