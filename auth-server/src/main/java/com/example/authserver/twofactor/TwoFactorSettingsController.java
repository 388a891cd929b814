package com.example.authserver.twofactor;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.SecurityNotices;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two-factor manage page of the signed-in user: set up an authenticator app (QR code and key, then a code to
 * prove it), new recovery codes, a new key, or off. Each change renews the security stamp: this session goes on
 * ({@link SignedInUsers#refresh}), the user's other sessions end.
 */
@Controller
class TwoFactorSettingsController {

    static final String VIEW = "account/two-factor";

    static final String ENABLE_VIEW = "account/two-factor-enable";

    static final String RECOVERY_CODES_VIEW = "account/recovery-codes";

    private final TwoFactor twoFactor;

    private final UserManager userManager;

    private final SignedInUsers signedInUsers;

    private final SecurityNotices notices;

    TwoFactorSettingsController(
            TwoFactor twoFactor, UserManager userManager, SignedInUsers signedInUsers, SecurityNotices notices) {
        this.notices = notices;
        this.twoFactor = twoFactor;
        this.userManager = userManager;
        this.signedInUsers = signedInUsers;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(TwoFactorPages.TWO_FACTOR)
    String status(Authentication authentication, @RequestParam(required = false) String done, Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        model.addAttribute("enabled", user.isTwoFactorEnabled());
        model.addAttribute("recoveryCodesLeft", twoFactor.recoveryCodesLeft(user.getId()));
        if (done != null && List.of("enabled", "disabled").contains(done)) {
            model.addAttribute("statusKey", "twoFactor.status." + done);
        }
        return VIEW;
    }

    /** The set-up page; once two-factor sign-in is on, the key is never shown again (reset it for a new one). */
    @GetMapping(TwoFactorPages.ENABLE)
    String setUp(Authentication authentication, Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        if (user.isTwoFactorEnabled()) {
            return "redirect:" + TwoFactorPages.TWO_FACTOR;
        }
        model.addAttribute("setUp", twoFactor.setUp(user));
        return ENABLE_VIEW;
    }

    @PostMapping(TwoFactorPages.ENABLE)
    String enable(
            Authentication authentication,
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<List<String>> newCodes = twoFactor.enable(authentication.getName(), code);
        if (newCodes.isEmpty()) {
            model.addAttribute(
                    "codeError",
                    code == null || code.isBlank() ? "twoFactor.signIn.codeMissing" : "twoFactor.enable.codeWrong");
            return setUp(authentication, model);
        }
        signedInUsers.refresh(authentication.getName(), request, response);
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        notices.send(user, user.getEmail(), SecurityNotices.Kind.TWO_FACTOR_ENABLED, request);
        if (newCodes.get().isEmpty()) {
            return "redirect:" + TwoFactorPages.TWO_FACTOR + "?done=enabled";
        }
        model.addAttribute("codes", newCodes.get());
        return RECOVERY_CODES_VIEW;
    }

    @PostMapping(TwoFactorPages.TWO_FACTOR + "/disable")
    String disable(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        twoFactor.disable(authentication.getName());
        signedInUsers.refresh(authentication.getName(), request, response);
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        notices.send(user, user.getEmail(), SecurityNotices.Kind.TWO_FACTOR_DISABLED, request);
        return "redirect:" + TwoFactorPages.TWO_FACTOR + "?done=disabled";
    }

    @PostMapping(TwoFactorPages.TWO_FACTOR + "/reset")
    String reset(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        twoFactor.resetAuthenticator(authentication.getName());
        signedInUsers.refresh(authentication.getName(), request, response);
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        notices.send(user, user.getEmail(), SecurityNotices.Kind.TWO_FACTOR_DISABLED, request);
        return "redirect:" + TwoFactorPages.ENABLE;
    }

    @PostMapping(TwoFactorPages.TWO_FACTOR + "/recovery-codes")
    String newRecoveryCodes(
            Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("codes", twoFactor.regenerateRecoveryCodes(authentication.getName()));
        signedInUsers.refresh(authentication.getName(), request, response);
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        notices.send(user, user.getEmail(), SecurityNotices.Kind.RECOVERY_CODES_REGENERATED, request);
        return RECOVERY_CODES_VIEW;
    }
}
