package ${package}.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import ${package}.security.IssuerProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Email confirmation. The emailed link opens a page with a button: opening a link changes nothing, so mail
 * scanners that open links do not use it up. The resend page answers alike for every address.
 */
@Controller
class EmailConfirmationController {

    static final String CONFIRM_VIEW = "account/confirm-email";

    static final String RESEND_VIEW = "account/resend-confirmation";

    private final EmailConfirmation confirmation;

    private final IssuerProperties issuer;

    EmailConfirmationController(EmailConfirmation confirmation, IssuerProperties issuer) {
        this.confirmation = confirmation;
        this.issuer = issuer;
    }

    @GetMapping(AccountPages.CONFIRM_EMAIL)
    String confirmPage(@RequestParam(required = false) String token, @RequestParam(required = false) String confirmed,
            Model model, HttpServletResponse response) {
        if (confirmed != null) {
            return Notice.show(model, Notice.EMAIL_CONFIRMED, "/login");
        }
        Optional<String> userName = confirmation.userNameFor(token);
        if (userName.isEmpty()) {
            return invalidLink(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("userName", userName.get());
        return CONFIRM_VIEW;
    }

    @PostMapping(AccountPages.CONFIRM_EMAIL)
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!confirmation.confirm(token)) {
            return invalidLink(model, response);
        }
        return "redirect:" + AccountPages.CONFIRM_EMAIL + "?confirmed";
    }

    @GetMapping(AccountPages.RESEND_CONFIRMATION)
    String resendPage(@RequestParam(required = false) String sent, Model model) {
        if (sent != null) {
            return Notice.show(model, Notice.CONFIRMATION_SENT, "/login");
        }
        model.addAttribute("resend", new EmailForm());
        return RESEND_VIEW;
    }

    @PostMapping(AccountPages.RESEND_CONFIRMATION)
    String resend(@Valid @ModelAttribute("resend") EmailForm form, BindingResult errors, HttpServletRequest request) {
        if (errors.hasErrors()) {
            return RESEND_VIEW;
        }
        confirmation.resend(form.getEmail().strip(), LinkBase.of(request, issuer));
        return "redirect:" + AccountPages.RESEND_CONFIRMATION + "?sent";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        return Notice.invalidLink(model, response, Notice.CONFIRMATION_LINK_INVALID, AccountPages.RESEND_CONFIRMATION);
    }
}
