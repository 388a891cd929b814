package com.example.authserver.prompts;

import com.example.authserver.claims.ClaimsMapping;
import com.example.authserver.clients.Clients;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.sessions.SessionClients;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The diagnostics page, as in the .NET template: how this session signed in (user, factors and their times, the
 * {@code amr}, {@code acr} and {@code auth_time} an ID token would carry) and the claims the server would issue for
 * every identity scope ({@link ClaimsMapping}), and the clients authorized in this session (those a sign-out here
 * tells). For developers: {@link Diagnostics} says where it answers.
 */
@Controller
class DiagnosticsController {

    static final String VIEW = "prompts/diagnostics";

    private final Diagnostics diagnostics;

    private final UserManager userManager;

    private final ClaimsMapping claimsMapping;

    private final SessionClients sessionClients;

    private final RegisteredClientRepository clients;

    DiagnosticsController(
            Diagnostics diagnostics,
            UserManager userManager,
            ClaimsMapping claimsMapping,
            SessionClients sessionClients,
            RegisteredClientRepository clients) {
        this.diagnostics = diagnostics;
        this.userManager = userManager;
        this.claimsMapping = claimsMapping;
        this.sessionClients = sessionClients;
        this.clients = clients;
    }

    /** {@code signedIn} is never null here: where the page answers, the chain lets only signed-in users in. */
    @GetMapping(Diagnostics.PAGE)
    String page(Authentication signedIn, HttpServletRequest request, Model model) {
        if (!diagnostics.answers(request) || signedIn == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ApplicationUser user = userManager
                .findById(signedIn.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SignInFactors factors = SignInFactors.of(signedIn);
        model.addAttribute("userName", user.getUserName());
        model.addAttribute("userId", user.getId());
        model.addAttribute("factors", factors.factors());
        model.addAttribute("amr", String.join(" ", factors.amr()));
        model.addAttribute("acr", factors.acr());
        model.addAttribute("authTime", factors.authTime().map(Object::toString).orElse(""));
        model.addAttribute("scopes", String.join(" ", Clients.IDENTITY_SCOPES));
        model.addAttribute("claims", displayable(claimsMapping.claimsFor(user, Clients.IDENTITY_SCOPES)));
        model.addAttribute("sessionClients", sessionClientIds(request));
        return VIEW;
    }

    /** The client ids of the clients authorized in this session, each once, in the order they were authorized. */
    private List<String> sessionClientIds(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return List.of();
        }
        return sessionClients.ofSession(request.getSession(false)).stream()
                .map(client -> clients.findById(client.registeredClientId()))
                .filter(Objects::nonNull)
                .map(RegisteredClient::getClientId)
                .distinct()
                .toList();
    }

    /** Lists shown comma-separated, everything else as text. */
    private static Map<String, String> displayable(Map<String, Object> claims) {
        Map<String, String> shown = new LinkedHashMap<>();
        claims.forEach((name, value) -> shown.put(
                name,
                value instanceof List<?> list
                        ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value)));
        return shown;
    }
}
