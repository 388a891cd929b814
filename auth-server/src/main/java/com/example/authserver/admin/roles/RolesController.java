package com.example.authserver.admin.roles;

import com.example.authserver.administration.RoleAdministration;
import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.IdentityException;
import com.example.authserver.identity.RoleManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The roles page of the console: every role with its member count, and the form that creates one. */
@Controller
class RolesController {

    static final String PATH = "/admin/roles";

    static final String LIST = "admin/roles/list";

    private final RoleManager roles;

    private final RoleAdministration administration;

    RolesController(RoleManager roles, RoleAdministration administration) {
        this.roles = roles;
        this.administration = administration;
    }

    @GetMapping(PATH)
    String list(Model model) {
        return page("", null, model);
    }

    /** A name that is blank, too long or taken (compared normalized, as lookups do) comes back with the error. */
    @PostMapping(PATH)
    String create(@RequestParam(defaultValue = "") String name, Model model) {
        try {
            return "redirect:" + PATH + "/"
                    + administration.create(name, UserAdministration.CONSOLE).getId() + "?created";
        } catch (IdentityException refused) {
            return page(name, RoleController.errorKey(refused), model);
        } catch (DataIntegrityViolationException createdMeanwhile) {
            return page(name, "admin.roles.error.DuplicateRoleName", model);
        }
    }

    private String page(String name, String error, Model model) {
        model.addAttribute("roles", roles.allWithMemberCounts());
        model.addAttribute("name", name);
        model.addAttribute("nameError", error);
        return LIST;
    }
}
