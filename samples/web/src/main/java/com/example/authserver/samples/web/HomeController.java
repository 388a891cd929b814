package com.example.authserver.samples.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The two pages: the home page (signed out: "Sign in"; signed in: the ID token's claims, "Call the API", "Sign out")
 * and the API's answer.
 */
@Controller
class HomeController {

    private final ApiCalls api;

    HomeController(ApiCalls api) {
        this.api = api;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        if (user != null) {
            model.addAttribute("name", user.getFullName() != null ? user.getFullName() : user.getSubject());
            model.addAttribute("claims", Claim.of(user.getIdToken().getClaims()));
        }
        return "home";
    }

    /** Calls the API's {@code /identity} with the user's access token and shows what it answered. */
    @GetMapping("/call-api")
    String callApi(
            OAuth2AuthenticationToken authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ApiCalls.Answer answer = api.identity(authentication, request, response);
        model.addAttribute("answer", answer);
        model.addAttribute("apiUrl", api.identityUrl());
        return "call-api";
    }

    /** One row of the claims table: a public type, for the template. */
    public record Claim(String name, String value) {

        static List<Claim> of(Map<String, Object> claims) {
            return claims.entrySet().stream()
                    .map(claim -> new Claim(claim.getKey(), String.valueOf(claim.getValue())))
                    .sorted(Comparator.comparing(Claim::name))
                    .toList();
        }
    }
}
