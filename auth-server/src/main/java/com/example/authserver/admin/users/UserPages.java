package com.example.authserver.admin.users;

import com.example.authserver.administration.UserAdministration;
import com.example.authserver.administration.UserClaimsAdministration;
import com.example.authserver.administration.UserSessionsAdministration;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.passkeys.Passkeys;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The addresses of the Users pages, and the user page's model: the user, the edit form, and what hangs on the user
 * (roles, claims, passkeys, external logins, sessions, grants, the latest audit events). Changes of any section come
 * back to this one page.
 */
@Component
class UserPages {

    static final String LIST = "/admin/users";

    static final String USER = LIST + "/{id}";

    static final String VIEW = "admin/users/user";

    /** The channel the audit events of the console name (AuditEvent's method). */
    static final String CHANNEL = UserAdministration.CONSOLE;

    /** What a done or problem message is flashed as. */
    static final String DONE = "done";

    static final String PROBLEM = "problem";

    private static final int RECENT_EVENTS = 10;

    /** A user id is a UUID (the column holds 36 characters): anything longer names nobody. */
    private static final int MAX_ID_LENGTH = 36;

    private final UserManager userManager;

    private final RoleManager roleManager;

    private final UserLogins userLogins;

    private final Passkeys passkeys;

    private final UserClaimsAdministration claims;

    private final UserSessionsAdministration sessions;

    private final AuditTrail audit;

    private final Clock clock;

    UserPages(
            UserManager userManager,
            RoleManager roleManager,
            UserLogins userLogins,
            Passkeys passkeys,
            UserClaimsAdministration claims,
            UserSessionsAdministration sessions,
            AuditTrail audit,
            Clock clock) {
        this.userManager = userManager;
        this.roleManager = roleManager;
        this.userLogins = userLogins;
        this.passkeys = passkeys;
        this.claims = claims;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    static String redirectTo(String id) {
        return "redirect:" + LIST + "/" + id;
    }

    /** The user with this id, or a 404 page. */
    ApplicationUser require(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH) {
            throw notFound();
        }
        return userManager.findById(id).orElseThrow(UserPages::notFound);
    }

    /** The 404 page: no such user, or nothing of that name on the user. */
    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The user page, with {@code form} in the edit section (the stored values, or what the administrator typed). */
    String show(ApplicationUser user, UserForm form, HttpServletRequest request, Model model) {
        String id = user.getId();
        Set<String> roles = userManager.getRoleNames(user);
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("lockedOut", user.isLockedOut(clock.instant()));
        model.addAttribute("roles", roles);
        model.addAttribute(
                "otherRoles",
                roleManager.roleNames().stream()
                        .filter(role -> !roles.contains(role))
                        .toList());
        model.addAttribute("claims", claims.claimsOf(id));
        model.addAttribute("passkeys", passkeys.of(id));
        model.addAttribute("logins", userLogins.getLogins(user));
        model.addAttribute("sessions", sessions.sessionsOf(id, request));
        model.addAttribute("grants", sessions.grantsOf(id));
        model.addAttribute("events", audit.recentFor(id, RECENT_EVENTS));
        return VIEW;
    }
}
