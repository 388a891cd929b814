package com.example.authserver.mail;

import com.example.authserver.system.IpAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development mailbox page: the latest account emails and their links. Absent in production; in development it
 * answers only requests from this machine (the loopback address, after trusted proxies: see
 * {@code system/ForwardedHeaders}), so a development server reachable from the network does not show anyone the
 * confirmation and password reset links of its users. Others get 404, as if it did not exist.
 */
@Controller
@Conditional(DevelopmentMailboxCondition.class)
class DevelopmentMailboxController {

    static final String VIEW = "account/dev-mailbox";

    private final DevelopmentMailbox mailbox;

    DevelopmentMailboxController(DevelopmentMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping(DevelopmentMailbox.PAGE)
    String mailbox(HttpServletRequest request, Model model) {
        // a tunnel (ssh -R, ngrok) arrives from the loopback address too, but says whom it forwards
        if (!IpAddresses.isLoopback(request.getRemoteAddr())
                || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("Forwarded") != null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mails", mailbox.mails());
        return VIEW;
    }
}
