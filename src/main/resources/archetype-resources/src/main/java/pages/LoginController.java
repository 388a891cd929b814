package ${package}.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. The form posts to {@code /login}, where Spring Security's form login filter
 * checks the password; this controller only renders the page and the notice for
 * {@code ?error}, {@code ?locked} and {@code ?logout}.
 */
@Controller
class LoginController {

    static final String VIEW = "login";

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout, Model model) {
        if (locked != null) {
            model.addAttribute("alertKey", "login.locked");
        }
        else if (error != null) {
            // The same words for an unknown user, a wrong password and a disabled account.
            model.addAttribute("alertKey", "login.error");
        }
        else if (logout != null) {
            model.addAttribute("statusKey", "login.loggedOut");
        }
        return VIEW;
    }
}
