package com.example.authserver.admin.users;

import com.example.authserver.administration.UserAdministration;
import com.example.authserver.administration.UserClaimsAdministration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.identity.RoleManager;
import com.example.authserver.identity.UserManager;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's roles (from the roles that exist: identity/RoleManager) and own claims. Administrators cannot take the
 * administrator role from themselves, and the last administrator keeps it (administration/UserAdministration).
 */
@Controller
class UserRolesController {

    /** As the user_claims columns hold. */
    static final int MAX_CLAIM_TYPE = 256;

    static final int MAX_CLAIM_VALUE = 1024;

    private final UserPages pages;

    private final UserManager userManager;

    private final RoleManager roleManager;

    private final UserAdministration administration;

    private final UserClaimsAdministration claims;

    UserRolesController(
            UserPages pages,
            UserManager userManager,
            RoleManager roleManager,
            UserAdministration administration,
            UserClaimsAdministration claims) {
        this.pages = pages;
        this.userManager = userManager;
        this.roleManager = roleManager;
        this.administration = administration;
        this.claims = claims;
    }

    @PostMapping(UserPages.USER + "/roles/add")
    String addRole(@PathVariable String id, @RequestParam(required = false) String role, RedirectAttributes flash) {
        ApplicationUser user = pages.require(id);
        String name = role == null
                ? null
                : roleManager.findByName(role).map(IdentityRole::getName).orElse(null);
        if (name == null) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.noSuchRole");
            return UserPages.redirectTo(id);
        }
        Set<String> roles = new TreeSet<>(userManager.getRoleNames(user));
        roles.add(name);
        return setRoles(id, roles, flash);
    }

    @PostMapping(UserPages.USER + "/roles/remove")
    String removeRole(
            @PathVariable String id,
            @RequestParam(required = false) String role,
            Authentication admin,
            RedirectAttributes flash) {
        ApplicationUser user = pages.require(id);
        Set<String> roles = new TreeSet<>(userManager.getRoleNames(user));
        if (role == null || !roles.remove(role)) {
            throw UserPages.notFound();
        }
        if (UserStatusController.isSelf(id, admin) && IdentityRole.ADMIN.equals(LookupNormalizer.normalizeName(role))) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.self");
            return UserPages.redirectTo(id);
        }
        return setRoles(id, roles, flash);
    }

    @PostMapping(UserPages.USER + "/claims/add")
    String addClaim(
            @PathVariable String id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String value,
            RedirectAttributes flash) {
        pages.require(id);
        String claimType = type == null ? "" : type.strip();
        String claimValue = value == null ? "" : value.strip();
        if (!isValid(claimType, MAX_CLAIM_TYPE) || !isValid(claimValue, MAX_CLAIM_VALUE)) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.claimInvalid");
            flash.addFlashAttribute("claimType", claimType.length() > MAX_CLAIM_TYPE ? "" : claimType);
            flash.addFlashAttribute("claimValue", claimValue.length() > MAX_CLAIM_VALUE ? "" : claimValue);
            return UserPages.redirectTo(id) + "#claims";
        }
        claims.addClaim(id, claimType, claimValue, UserPages.CHANNEL);
        flash.addFlashAttribute(UserPages.DONE, "admin.users.done.claimsChanged");
        return UserPages.redirectTo(id) + "#claims";
    }

    @PostMapping(UserPages.USER + "/claims/remove")
    String removeClaim(
            @PathVariable String id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String value,
            RedirectAttributes flash) {
        pages.require(id);
        if (type == null || !claims.removeClaim(id, type, value, UserPages.CHANNEL)) {
            throw UserPages.notFound();
        }
        flash.addFlashAttribute(UserPages.DONE, "admin.users.done.claimsChanged");
        return UserPages.redirectTo(id) + "#claims";
    }

    private String setRoles(String id, Set<String> roles, RedirectAttributes flash) {
        try {
            administration.setRoles(id, roles, UserPages.CHANNEL);
        } catch (IdentityException ex) { // the last administrator
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem." + ex.getCode());
            return UserPages.redirectTo(id);
        }
        flash.addFlashAttribute(UserPages.DONE, "admin.users.done.rolesChanged");
        return UserPages.redirectTo(id) + "#roles";
    }

    /** Not blank, not too long, and no control characters (PostgreSQL refuses NUL; no claim needs one). */
    private static boolean isValid(String text, int maxLength) {
        return !text.isEmpty() && text.length() <= maxLength && text.chars().noneMatch(Character::isISOControl);
    }
}
