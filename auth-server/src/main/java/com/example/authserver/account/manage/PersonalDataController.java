package com.example.authserver.account.manage;

import com.example.authserver.account.AccountPages;
import com.example.authserver.account.Notice;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.SecurityNotices;
import com.example.authserver.sessions.SessionEnds;
import com.example.authserver.twofactor.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The personal data page: download everything stored about the signed-in user as JSON, or delete the account.
 * Deleting asks for the password (a wrong one counts towards lockout), or, for a user without a password, a
 * two-factor code, or else the user name typed out; then the user, their roles, claims, logins, tokens, consents
 * and authorizations are gone, this session ends and the user's other sessions end at their next check.
 */
@Controller
class PersonalDataController {

    static final String VIEW = "account/personal-data";

    private final UserManager userManager;

    private final PersonalData personalData;

    private final TwoFactor twoFactor;

    private final SecurityNotices notices;

    private final SessionEnds sessionEnds;

    PersonalDataController(
            UserManager userManager,
            PersonalData personalData,
            TwoFactor twoFactor,
            SecurityNotices notices,
            SessionEnds sessionEnds) {
        this.sessionEnds = sessionEnds;
        this.userManager = userManager;
        this.personalData = personalData;
        this.twoFactor = twoFactor;
        this.notices = notices;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(AccountPages.PERSONAL_DATA)
    String page(Authentication authentication, Model model) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        model.addAttribute("confirmWith", confirmation(user));
        return VIEW;
    }

    @GetMapping(AccountPages.PERSONAL_DATA + "/download")
    ResponseEntity<byte[]> download(Authentication authentication) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("personal-data.json")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(personalData.asJson(authentication.getName()).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(AccountPages.PERSONAL_DATA + "/delete")
    String delete(
            Authentication authentication,
            @RequestParam(required = false) String confirmation,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        ApplicationUser user = userManager.findById(authentication.getName()).orElseThrow();
        String error = checkConfirmation(user, confirmation == null ? "" : confirmation);
        if (error != null) {
            model.addAttribute("confirmWith", confirmation(user));
            model.addAttribute("confirmationError", error);
            return error.endsWith("locked") ? "redirect:/login?locked" : VIEW;
        }
        sessionEnds.endedEverywhere(user.getId(), request); // before the grants it reads are deleted
        personalData.deleteAccount(user.getId());
        notices.send(user, user.getEmail(), SecurityNotices.Kind.ACCOUNT_DELETED, request);
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return Notice.show(model, Notice.ACCOUNT_DELETED, "/");
    }

    /** What the user confirms the deletion with: password, code or name. */
    private static String confirmation(ApplicationUser user) {
        if (user.getPasswordHash() != null) {
            return "password";
        }
        return user.isTwoFactorEnabled() ? "code" : "userName";
    }

    /** The message key of what is wrong, or null. */
    private String checkConfirmation(ApplicationUser user, String typed) {
        switch (confirmation(user)) {
            case "password" -> {
                PasswordCheckResult result = userManager.checkPassword(user.getId(), typed);
                if (result == PasswordCheckResult.LOCKED_OUT) {
                    return "personalData.delete.locked";
                }
                return result == PasswordCheckResult.FAILED ? "personalData.delete.wrongPassword" : null;
            }
            case "code" -> {
                TwoFactor.Outcome outcome = twoFactor.verify(user.getId(), typed);
                if (outcome == TwoFactor.Outcome.LOCKED_OUT) {
                    return "personalData.delete.locked";
                }
                return outcome == TwoFactor.Outcome.FAILED ? "personalData.delete.wrongCode" : null;
            }
            default -> {
                return typed.strip().equals(user.getUserName()) ? null : "personalData.delete.wrongUserName";
            }
        }
    }
}
