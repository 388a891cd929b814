package ${package}.account.mail;

import ${package}.account.AccountPages;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The development mailbox page: the latest account emails and their links. Absent in production. */
@Controller
@Conditional(DevelopmentMailboxCondition.class)
class DevelopmentMailboxController {

    static final String VIEW = "account/dev-mailbox";

    private final DevelopmentMailbox mailbox;

    DevelopmentMailboxController(DevelopmentMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping(AccountPages.DEVELOPMENT_MAILBOX)
    String mailbox(Model model) {
        model.addAttribute("mails", mailbox.mails());
        return VIEW;
    }
}
