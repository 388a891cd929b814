package com.example.authserver.admin.users;

import com.example.authserver.administration.UserAdministration;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * One user's page, and saving the edit form on it ({@link UserForm}). A form read before someone else saved the user
 * (its concurrency stamp is stale) is shown again with the administrator's input and a message, with the current
 * stamp: saving it again overwrites the other change knowingly.
 */
@Controller
class UserController {

    private final UserPages pages;

    private final UserAdministration administration;

    UserController(UserPages pages, UserAdministration administration) {
        this.pages = pages;
        this.administration = administration;
    }

    @GetMapping(UserPages.USER)
    String show(@PathVariable String id, HttpServletRequest request, Model model) {
        ApplicationUser user = pages.require(id);
        return pages.show(user, UserForm.forUser(user), request, model);
    }

    @PostMapping(UserPages.USER)
    String save(
            @PathVariable String id,
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors,
            HttpServletRequest request,
            Model model) {
        ApplicationUser user = pages.require(id);
        if (errors.hasErrors()) {
            return pages.show(user, form, request, model);
        }
        if (user.getConcurrencyStamp() != form.getConcurrencyStamp()) {
            return stale(user, form, errors, request, model);
        }
        form.applyTo(user);
        try {
            administration.update(user, UserPages.CHANNEL);
        } catch (OptimisticLockingFailureException ex) { // saved by someone else between reading and writing
            return stale(pages.require(id), form, errors, request, model);
        } catch (IdentityException ex) {
            errors.rejectValue(field(ex.getCode()), "admin.users.error." + ex.getCode(), ex.getMessage());
            return pages.show(pages.require(id), form, request, model);
        } catch (DataIntegrityViolationException ex) { // a name taken at the same moment: the unique index said no
            errors.rejectValue("userName", "admin.users.error.DuplicateUserName");
            return pages.show(pages.require(id), form, request, model);
        }
        return UserPages.redirectTo(id) + "?saved";
    }

    private String stale(
            ApplicationUser current, UserForm form, BindingResult errors, HttpServletRequest request, Model model) {
        errors.reject("admin.users.error.changedMeanwhile");
        form.setConcurrencyStamp(current.getConcurrencyStamp());
        return pages.show(current, form, request, model);
    }

    /** The field an identity store error is about. */
    private static String field(String code) {
        return code != null && code.contains("Email") ? "email" : "userName";
    }
}
