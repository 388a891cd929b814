package com.example.authserver.passkeys;

import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The passkeys manage page of the signed-in user: the list, a form that adds one (the browser's WebAuthn ceremony,
 * {@code static/js/passkeys.js}, against Spring Security's registration endpoints) and a remove button per passkey.
 * Removing renews the security stamp: this session goes on ({@link SignedInUsers#refresh}), the user's other
 * sessions end.
 */
@Controller
class PasskeysController {

    /** Signed-in users only: list, add and remove passkeys. */
    static final String PAGE = "/account/passkeys";

    static final String VIEW = "account/passkeys";

    private final Passkeys passkeys;

    private final SignedInUsers signedInUsers;

    PasskeysController(Passkeys passkeys, SignedInUsers signedInUsers) {
        this.passkeys = passkeys;
        this.signedInUsers = signedInUsers;
    }

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(PAGE)
    String list(Authentication authentication, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("passkeys", passkeys.of(authentication.getName()));
        if (done != null && List.of("added", "removed").contains(done)) {
            model.addAttribute("statusKey", "passkeys.status." + done);
        }
        return VIEW;
    }

    @PostMapping(PAGE + "/{id}/remove")
    String remove(
            Authentication authentication,
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!passkeys.remove(authentication.getName(), id)) {
            return "redirect:" + PAGE;
        }
        signedInUsers.refresh(authentication.getName(), request, response);
        return "redirect:" + PAGE + "?done=removed";
    }
}
