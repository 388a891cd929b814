package com.example.authserver.prompts;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.prompts.PromptProgress.Step;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code prompt=select_account}: "continue as alice" goes on with the authorization request ({@link PromptFilter}
 * saved it); "use another account" signs this session's user out and goes to the sign-in page, which then goes on with
 * it. Either way the request remembers that the account was chosen ({@link PromptProgress}).
 */
@Controller
class SelectAccountController {

    static final String PAGE = "/select-account";

    static final String VIEW = "prompts/select-account";

    /** The request waiting for the choice. */
    private static final String CHOOSING = SelectAccountController.class.getName() + ".CHOOSING";

    private final UserManager userManager;

    private final SignedInUsers signedInUsers;

    private final Clock clock;

    private final RequestCache requestCache = new HttpSessionRequestCache();

    SelectAccountController(UserManager userManager, SignedInUsers signedInUsers, Clock clock) {
        this.userManager = userManager;
        this.signedInUsers = signedInUsers;
        this.clock = clock;
    }

    static void choosing(HttpServletRequest request, String key) {
        request.getSession().setAttribute(CHOOSING, key);
    }

    @GetMapping(PAGE)
    String page(Authentication signedIn, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (waiting(request, response) == null) {
            return "redirect:/";
        }
        model.addAttribute(
                "userName",
                userManager
                        .findById(signedIn.getName())
                        .map(ApplicationUser::getUserName)
                        .orElse(""));
        return VIEW;
    }

    @PostMapping(PAGE + "/continue")
    String continueAs(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = waiting(request, response);
        if (saved == null) {
            return "redirect:/";
        }
        chosen(request);
        return "redirect:" + saved.getRedirectUrl();
    }

    @PostMapping(PAGE + "/other")
    String useAnotherAccount(HttpServletRequest request, HttpServletResponse response) {
        if (waiting(request, response) == null) {
            return "redirect:/";
        }
        chosen(request);
        signedInUsers.signOut(request, response);
        return "redirect:" + SignedInUsers.LOGIN_PAGE;
    }

    /** The saved authorization request, if one is waiting for the choice. */
    private SavedRequest waiting(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CHOOSING) != null
                ? requestCache.getRequest(request, response)
                : null;
    }

    private void chosen(HttpServletRequest request) {
        HttpSession session = request.getSession();
        PromptProgress.put(request, Step.ACCOUNT_SELECTED, (String) session.getAttribute(CHOOSING), clock.instant());
        session.removeAttribute(CHOOSING);
    }
}
