package com.example.authserver.account.manage;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.ProfileForm;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The profile page: the signed-in user edits the properties of {@link ProfileForm}. */
@Controller
class ProfileController {

    static final String VIEW = "account/profile";

    private final UserManager userManager;

    ProfileController(UserManager userManager) {
        this.userManager = userManager;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(AccountPages.PROFILE)
    String form(Authentication authentication, @RequestParam(required = false) String saved, Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        model.addAttribute("profile", ProfileForm.of(user));
        model.addAttribute("userName", user.getUserName());
        model.addAttribute("saved", saved != null);
        return VIEW;
    }

    @PostMapping(AccountPages.PROFILE)
    String save(
            Authentication authentication,
            @Valid @ModelAttribute("profile") ProfileForm form,
            BindingResult errors,
            Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        if (errors.hasErrors()) {
            model.addAttribute("userName", user.getUserName());
            return VIEW;
        }
        form.applyTo(user);
        try {
            userManager.update(user);
        } catch (OptimisticLockingFailureException ex) { // saved elsewhere (another tab, another session) meanwhile
            errors.reject("account.error.changedMeanwhile");
            model.addAttribute("userName", user.getUserName());
            return VIEW;
        }
        return "redirect:" + AccountPages.PROFILE + "?saved";
    }
}
