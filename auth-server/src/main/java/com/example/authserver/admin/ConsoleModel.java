package com.example.authserver.admin;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's shell ({@code templates/admin/layout.html}) shows besides the page: the signed-in
 * administrator's user name. Applies to the controllers of this package and its subpackages (each console area).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final UserManager userManager;

    ConsoleModel(UserManager userManager) {
        this.userManager = userManager;
    }

    /** {@code authentication}'s name is the user id (security/SignedInUsers). */
    @ModelAttribute("adminName")
    String adminName(Authentication authentication) {
        return authentication == null
                ? null
                : userManager
                        .findById(authentication.getName())
                        .map(ApplicationUser::getUserName)
                        .orElse(null);
    }
}
