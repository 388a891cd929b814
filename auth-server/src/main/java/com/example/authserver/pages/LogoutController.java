package com.example.authserver.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-out confirmation page. Its form posts to {@code /logout}, handled by Spring Security's
 * {@code LogoutFilter} (a POST with a CSRF token, so no other site can sign the user out).
 */
@Controller
class LogoutController {

    static final String VIEW = "logout";

    @GetMapping("/logout")
    String logout() {
        return VIEW;
    }
}
