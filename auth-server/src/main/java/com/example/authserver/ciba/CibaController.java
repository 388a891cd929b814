package com.example.authserver.ciba;

import com.example.authserver.identity.SecurityStamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in user's pending CIBA requests ({@code /ciba}, linked from the home and account pages and from the email
 * each request sends): which application asks, its binding message, the scopes and the time left; approve or deny.
 * Only the user's own requests: another user's request id is answered as if it did not exist.
 */
@Controller
class CibaController {

    static final String PAGE = "/ciba";

    static final String VIEW = "ciba/requests";

    private final CibaRequests requests;

    private final RegisteredClientRepository clients;

    private final Clock clock;

    CibaController(CibaRequests requests, RegisteredClientRepository clients, Clock clock) {
        this.requests = requests;
        this.clients = clients;
        this.clock = clock;
    }

    /** One row of the page. */
    record PendingRequest(String id, String client, String message, Set<String> scopes, long minutesLeft) {}

    /** {@code authentication}'s name is the user id (see security/SignedInUsers). */
    @GetMapping(PAGE)
    String list(Authentication authentication, @RequestParam(required = false) String outcome, Model model) {
        List<PendingRequest> pending = requests.pendingFor(authentication.getName()).stream()
                .map(request -> new PendingRequest(
                        request.id(),
                        clientName(request.registeredClientId()),
                        request.bindingMessage(),
                        request.scopes(),
                        Duration.between(clock.instant(), request.expiresAt()).toMinutes()))
                .toList();
        model.addAttribute("requests", pending);
        model.addAttribute("outcome", outcome != null && outcome.matches("approved|denied|gone") ? outcome : null);
        return VIEW;
    }

    @PostMapping(PAGE + "/approve")
    String approve(Authentication authentication, @RequestParam(required = false) String id) {
        return decide(authentication, id, CibaRequest.Status.APPROVED, "approved");
    }

    @PostMapping(PAGE + "/deny")
    String deny(Authentication authentication, @RequestParam(required = false) String id) {
        return decide(authentication, id, CibaRequest.Status.DENIED, "denied");
    }

    private String decide(Authentication authentication, String id, CibaRequest.Status decision, String outcome) {
        String userId = authentication.getName();
        if (id == null || requests.findForUser(id, userId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // the stamp of this sign-in goes with the grant: a later password change ends it (claims/TokenClaims)
        String stamp = authentication.getAuthorities().stream()
                .filter(SecurityStamp::isStamp)
                .map(GrantedAuthority::getAuthority)
                .findFirst()
                .orElse(null);
        boolean decided = requests.decide(id, userId, decision, stamp);
        return "redirect:" + PAGE + "?outcome=" + (decided ? outcome : "gone");
    }

    private String clientName(String registeredClientId) {
        RegisteredClient client = clients.findById(registeredClientId);
        return client == null ? "?" : client.getClientName();
    }
}
