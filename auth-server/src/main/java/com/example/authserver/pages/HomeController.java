package com.example.authserver.pages;

import com.example.authserver.claims.ClaimsMapping;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: an introduction for visitors; for a signed-in user, the claims an ID token
 * would carry for the scopes {@code openid profile email}.
 */
@Controller
class HomeController {

    static final String VIEW = "home";

    static final List<String> ID_TOKEN_SCOPES = List.of("openid", "profile", "email");

    private final UserManager userManager;

    private final ClaimsMapping claimsMapping;

    HomeController(UserManager userManager, ClaimsMapping claimsMapping) {
        this.userManager = userManager;
        this.claimsMapping = claimsMapping;
    }

    /** {@code authentication} is null for an anonymous visitor; its name is the user id. */
    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        Optional<ApplicationUser> user =
                Optional.ofNullable(authentication).flatMap(signedIn -> userManager.findById(signedIn.getName()));
        user.ifPresent(signedIn -> {
            model.addAttribute("userName", signedIn.getUserName());
            model.addAttribute("claims", displayable(claimsMapping.claimsFor(signedIn, ID_TOKEN_SCOPES)));
        });
        return VIEW;
    }

    /** Claim values are strings, booleans or lists of strings; lists are shown comma-separated. */
    static Map<String, String> displayable(Map<String, Object> claims) {
        Map<String, String> shown = new LinkedHashMap<>();
        claims.forEach((name, value) -> shown.put(
                name,
                value instanceof List<?> list
                        ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value)));
        return shown;
    }
}
