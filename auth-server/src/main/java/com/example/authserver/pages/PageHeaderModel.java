package com.example.authserver.pages;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page its header ({@link PageHeader}): the product name ({@code authforge.product-name}, else the display
 * form of spring.application.name) and the signed-in user.
 */
@ControllerAdvice
class PageHeaderModel {

    /** When neither authforge.product-name nor spring.application.name is set. */
    static final String FALLBACK_NAME = "Authorization Server";

    private final String productName;

    private final UserManager userManager;

    PageHeaderModel(PageProperties properties, Environment environment, UserManager userManager) {
        this.productName = productName(properties.getProductName(), environment.getProperty("spring.application.name"));
        this.userManager = userManager;
    }

    static String productName(String configured, String applicationName) {
        if (StringUtils.hasText(configured)) {
            return configured.trim();
        }
        String shown = StringUtils.hasText(applicationName) ? PageHeader.displayForm(applicationName) : "";
        return shown.isEmpty() ? FALLBACK_NAME : shown;
    }

    /** {@code authentication} is null for a visitor; its name is the user id (security/SignedInUsers). */
    @ModelAttribute("pageHeader")
    PageHeader pageHeader(Authentication authentication) {
        return new PageHeader(
                productName,
                () -> authentication == null
                        ? null
                        : userManager
                                .findById(authentication.getName())
                                .map(ApplicationUser::getUserName)
                                .orElse(null));
    }
}
