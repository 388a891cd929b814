package com.example.authserver.device;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page where a signed-in user types the code their device shows ({@code verification_uri}; with the code filled in,
 * {@code verification_uri_complete}). Opening it never checks a code: only the form's POST does, behind the CSRF check
 * and the rate limits per address and per code ({@code ratelimit/RateLimitedAction#USER_CODE}). A valid code leads to
 * the consent page with the code shown ({@link UserCodeCheck}); the consent form posts to the framework's verification
 * endpoint, which sends the user back here, approved or denied ({@link DeviceFlow}).
 */
@Controller
class ActivateController {

    static final String VIEW = "device/activate";

    private final UserCodeCheck check;

    ActivateController(UserCodeCheck check) {
        this.check = check;
    }

    @GetMapping(DevicePages.ACTIVATE)
    String form(
            @RequestParam(name = DevicePages.USER_CODE_FIELD, required = false) String userCode,
            @RequestParam(required = false) String approved,
            @RequestParam(required = false) String denied,
            Model model) {
        // a code from the link is only filled in, and only when it can be one: nothing else is echoed back
        model.addAttribute("userCode", UserCodes.normalize(userCode));
        model.addAttribute("approved", approved != null);
        model.addAttribute("denied", denied != null);
        return VIEW;
    }

    @PostMapping(DevicePages.ACTIVATE)
    String submit(
            @RequestParam(name = DevicePages.USER_CODE_FIELD, required = false) String typed,
            Authentication user,
            Model model) {
        String userCode = UserCodes.normalize(typed);
        String consentPage = userCode == null ? null : check.consentPageFor(user, userCode);
        if (consentPage == null) {
            model.addAttribute("userCode", null);
            model.addAttribute("codeError", "device.activate.codeWrong");
            return VIEW;
        }
        return "redirect:" + consentPage;
    }
}
