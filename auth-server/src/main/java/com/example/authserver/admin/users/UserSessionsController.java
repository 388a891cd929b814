package com.example.authserver.admin.users;

import com.example.authserver.administration.UserSessionsAdministration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's sessions (sign out one, or all) and the applications they allowed (revoke one: its consent and tokens go),
 * as on the user's own sessions and applications pages. A session or application that is not the user's is not found:
 * a 404, and nothing happens.
 */
@Controller
class UserSessionsController {

    private final UserPages pages;

    private final UserSessionsAdministration sessions;

    UserSessionsController(UserPages pages, UserSessionsAdministration sessions) {
        this.pages = pages;
        this.sessions = sessions;
    }

    @PostMapping(UserPages.USER + "/sessions/end")
    String end(
            @PathVariable String id,
            @RequestParam(required = false) String session,
            HttpServletRequest request,
            RedirectAttributes flash) {
        pages.require(id);
        if (session == null || !sessions.endSession(id, session, UserPages.CHANNEL, request)) {
            throw UserPages.notFound();
        }
        return done(id, "admin.users.done.sessionEnded", "#sessions", flash);
    }

    @PostMapping(UserPages.USER + "/sessions/end-all")
    String endAll(@PathVariable String id, HttpServletRequest request, RedirectAttributes flash) {
        pages.require(id);
        sessions.endAllSessions(id, UserPages.CHANNEL, request);
        return done(id, "admin.users.done.sessionEnded", "#sessions", flash);
    }

    @PostMapping(UserPages.USER + "/grants/revoke")
    String revoke(@PathVariable String id, @RequestParam(required = false) String client, RedirectAttributes flash) {
        pages.require(id);
        if (client == null || !sessions.revokeGrant(id, client)) {
            throw UserPages.notFound();
        }
        return done(id, "admin.users.done.grantRevoked", "#grants", flash);
    }

    private static String done(String id, String message, String section, RedirectAttributes flash) {
        flash.addFlashAttribute(UserPages.DONE, message);
        return UserPages.redirectTo(id) + section;
    }
}
