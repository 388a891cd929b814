package com.example.authserver.sessions;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sessions page: where the user is signed in, and signing out one session or every other one. Either revokes the
 * grants issued in those sessions and tells their clients (back-channel logout). A session that is not the user's is
 * not found: a 404, and nothing happens.
 */
@Controller
class SessionsController {

    static final String PAGE = "/account/sessions";

    static final String VIEW = "account/sessions";

    private final UserSessions sessions;

    SessionsController(UserSessions sessions) {
        this.sessions = sessions;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(PAGE)
    String list(
            Authentication authentication,
            @RequestParam(required = false) String ended,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("sessions", sessions.of(authentication.getName(), request));
        model.addAttribute("ended", ended != null);
        return VIEW;
    }

    @PostMapping(PAGE + "/end")
    String end(
            Authentication authentication, @RequestParam(required = false) String session, HttpServletRequest request) {
        if (session == null || !sessions.end(authentication.getName(), session, request)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + PAGE + "?ended";
    }

    @PostMapping(PAGE + "/end-others")
    String endOthers(Authentication authentication, HttpServletRequest request) {
        sessions.endOthers(authentication.getName(), request);
        return "redirect:" + PAGE + "?ended";
    }
}
