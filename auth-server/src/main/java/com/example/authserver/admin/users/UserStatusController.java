package com.example.authserver.admin.users;

import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enabling, disabling, unlocking and deleting a user (deleting after a confirmation page). Administrators cannot
 * disable or delete themselves, and the last administrator stays (administration/UserAdministration refuses it):
 * nobody locks the console out by a slip.
 */
@Controller
class UserStatusController {

    static final String DELETE_VIEW = "admin/users/delete";

    private final UserPages pages;

    private final UserAdministration administration;

    UserStatusController(UserPages pages, UserAdministration administration) {
        this.pages = pages;
        this.administration = administration;
    }

    @PostMapping(UserPages.USER + "/disable")
    String disable(@PathVariable String id, Authentication admin, RedirectAttributes flash) {
        return setActive(id, false, admin, flash);
    }

    @PostMapping(UserPages.USER + "/enable")
    String enable(@PathVariable String id, Authentication admin, RedirectAttributes flash) {
        return setActive(id, true, admin, flash);
    }

    @PostMapping(UserPages.USER + "/unlock")
    String unlock(@PathVariable String id, RedirectAttributes flash) {
        pages.require(id);
        administration.unlock(id, UserPages.CHANNEL);
        flash.addFlashAttribute(UserPages.DONE, "admin.users.done.unlocked");
        return UserPages.redirectTo(id);
    }

    @GetMapping(UserPages.USER + "/delete")
    String confirmDelete(@PathVariable String id, Authentication admin, Model model, RedirectAttributes flash) {
        ApplicationUser user = pages.require(id);
        if (isSelf(id, admin)) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.self");
            return UserPages.redirectTo(id);
        }
        model.addAttribute("user", user);
        return DELETE_VIEW;
    }

    @PostMapping(UserPages.USER + "/delete")
    String delete(@PathVariable String id, Authentication admin, RedirectAttributes flash) {
        ApplicationUser user = pages.require(id);
        if (isSelf(id, admin)) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.self");
            return UserPages.redirectTo(id);
        }
        try {
            administration.delete(id, UserPages.CHANNEL);
        } catch (IdentityException ex) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem." + ex.getCode());
            return UserPages.redirectTo(id);
        }
        flash.addFlashAttribute(UserPages.DONE, "admin.users.done.deleted");
        flash.addFlashAttribute("deletedName", user.getUserName());
        return "redirect:" + UserPages.LIST;
    }

    private String setActive(String id, boolean active, Authentication admin, RedirectAttributes flash) {
        pages.require(id);
        if (!active && isSelf(id, admin)) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem.self");
            return UserPages.redirectTo(id);
        }
        try {
            administration.setActive(id, active, UserPages.CHANNEL);
        } catch (IdentityException ex) {
            flash.addFlashAttribute(UserPages.PROBLEM, "admin.users.problem." + ex.getCode());
            return UserPages.redirectTo(id);
        }
        flash.addFlashAttribute(UserPages.DONE, active ? "admin.users.done.enabled" : "admin.users.done.disabled");
        return UserPages.redirectTo(id);
    }

    /** {@code admin}'s name is the signed-in administrator's user id (see security/SignedInUsers). */
    static boolean isSelf(String id, Authentication admin) {
        return id.equals(admin.getName());
    }
}
