package com.example.authserver.admin.roles;

import com.example.authserver.administration.RoleAdministration;
import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.RoleManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One role in the console: rename, delete (never the administrator role), its claims (given to every member's
 * tokens) and who has it, a page at a time, each member linking to the user's page.
 */
@Controller
class RoleController {

    static final String VIEW = "admin/roles/role";

    private static final String ROLE = RolesController.PATH + "/{id}";

    private static final int PAGE_SIZE = 25;

    private static final int MAX_PAGE = 100_000;

    private final RoleManager roles;

    private final RoleAdministration administration;

    RoleController(RoleManager roles, RoleAdministration administration) {
        this.roles = roles;
        this.administration = administration;
    }

    @GetMapping(ROLE)
    String show(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        IdentityRole role = found(id);
        model.addAttribute("name", role.getName());
        return page(role, page, model);
    }

    @PostMapping(ROLE)
    String rename(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "-1") long stamp,
            Model model) {
        IdentityRole role = found(id);
        try {
            administration.rename(role, name, stamp, UserAdministration.CONSOLE);
            return "redirect:" + RolesController.PATH + "/" + id + "?saved";
        } catch (IdentityException refused) {
            model.addAttribute("nameError", errorKey(refused));
        } catch (DataIntegrityViolationException takenMeanwhile) {
            model.addAttribute("nameError", "admin.roles.error.DuplicateRoleName");
        } catch (ObjectOptimisticLockingFailureException changedMeanwhile) {
            model.addAttribute("nameError", "admin.roles.error.stale");
            role = found(id);
        }
        model.addAttribute("name", name);
        return page(role, 0, model);
    }

    @PostMapping(ROLE + "/delete")
    String delete(@PathVariable String id, Model model) {
        IdentityRole role = found(id);
        try {
            administration.delete(role, UserAdministration.CONSOLE);
        } catch (IdentityException refused) {
            model.addAttribute("name", role.getName());
            model.addAttribute("deleteError", errorKey(refused));
            return page(role, 0, model);
        }
        return "redirect:" + RolesController.PATH + "?deleted";
    }

    @PostMapping(ROLE + "/claims")
    String addClaim(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String value,
            Model model) {
        IdentityRole role = found(id);
        String problem = RoleClaimRules.problem(type, value);
        if (problem != null) {
            model.addAttribute("name", role.getName());
            model.addAttribute("claimType", type);
            model.addAttribute("claimValue", value);
            model.addAttribute("claimError", problem);
            return page(role, 0, model);
        }
        administration.addClaim(role, type.strip(), value.strip(), UserAdministration.CONSOLE);
        return "redirect:" + RolesController.PATH + "/" + id + "?claimAdded";
    }

    @PostMapping(ROLE + "/claims/{claimId}/delete")
    String removeClaim(@PathVariable String id, @PathVariable String claimId) {
        IdentityRole role = found(id);
        long number;
        try {
            number = Long.parseLong(claimId);
        } catch (NumberFormatException notAClaim) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!administration.removeClaim(role, number, UserAdministration.CONSOLE)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + RolesController.PATH + "/" + id + "?claimRemoved";
    }

    /** The message key for a refusal of the role store: one per {@link IdentityException#getCode()}. */
    static String errorKey(IdentityException refused) {
        return "admin.roles.error." + refused.getCode();
    }

    private String page(IdentityRole role, int page, Model model) {
        model.addAttribute("role", role);
        model.addAttribute("isAdminRole", IdentityRole.ADMIN.equals(role.getNormalizedName()));
        model.addAttribute("claims", roles.claimsOf(role));
        model.addAttribute("members", roles.membersOf(role, Math.max(0, Math.min(page, MAX_PAGE)), PAGE_SIZE));
        return VIEW;
    }

    private IdentityRole found(String id) {
        return roles.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
