package com.example.authserver.pages;

import com.example.authserver.clients.SelfRegisteredClients;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent page the authorization server redirects to ({@code consentPage("/oauth2/consent")}).
 * Allow posts the checked scopes back to the authorization endpoint (the device verification
 * endpoint for the device flow); Deny posts {@code deny=true} and no scope, which the server treats
 * as a denial (see {@code authorization/RememberedConsentService}).
 * {@code openid} needs no consent: it is sent along as a hidden field.
 */
@Controller
class ConsentController {

    static final String VIEW = "consent";

    static final String ERROR_VIEW = "error";

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationConsentService consents;

    private final UserManager userManager;

    private final AuthorizationServerSettings endpoints;

    ConsentController(
            RegisteredClientRepository clients,
            OAuth2AuthorizationConsentService consents,
            UserManager userManager,
            AuthorizationServerSettings endpoints) {
        this.clients = clients;
        this.consents = consents;
        this.userManager = userManager;
        this.endpoints = endpoints;
    }

    @GetMapping("/oauth2/consent")
    String consent(
            Authentication authentication,
            Model model,
            HttpServletResponse response,
            @RequestParam(name = OAuth2ParameterNames.CLIENT_ID, required = false) String clientId,
            @RequestParam(name = OAuth2ParameterNames.SCOPE, required = false) String scope,
            @RequestParam(name = OAuth2ParameterNames.STATE, required = false) String state,
            @RequestParam(name = OAuth2ParameterNames.USER_CODE, required = false) String userCode) {
        RegisteredClient client = StringUtils.hasText(clientId) ? clients.findByClientId(clientId) : null;
        if (client == null || authentication == null || !StringUtils.hasText(state)) {
            return badRequest(model, response);
        }
        OAuth2AuthorizationConsent current = consents.findById(client.getId(), authentication.getName());
        Set<String> approvedBefore = (current != null) ? current.getScopes() : Set.of();

        List<String> toApprove = new ArrayList<>();
        List<String> previouslyApproved = new ArrayList<>();
        Set<String> requested = new LinkedHashSet<>(List.of(StringUtils.tokenizeToStringArray(scope, " ")));
        for (String requestedScope : requested) {
            if (OidcScopes.OPENID.equals(requestedScope)) {
                continue;
            }
            if (approvedBefore.contains(requestedScope)) {
                previouslyApproved.add(requestedScope);
            } else {
                toApprove.add(requestedScope);
            }
        }

        boolean deviceFlow = StringUtils.hasText(userCode);
        model.addAttribute(
                "action",
                deviceFlow ? endpoints.getDeviceVerificationEndpoint() : endpoints.getAuthorizationEndpoint());
        model.addAttribute("clientId", client.getClientId());
        model.addAttribute("clientName", client.getClientName());
        String clientHost = urlHost(client.getClientId());
        model.addAttribute("clientHost", clientHost);
        // a client that registered itself or published its own document chose its own name and redirect URIs: say
        // so, and where it sends the user back to
        boolean selfRegistered = SelfRegisteredClients.isSelfRegistered(client);
        model.addAttribute("selfRegistered", selfRegistered);
        model.addAttribute(
                "redirectHosts",
                selfRegistered || clientHost != null
                        ? String.join(", ", SelfRegisteredClients.redirectHosts(client))
                        : "");
        model.addAttribute("state", state);
        model.addAttribute("userCode", deviceFlow ? userCode : null);
        model.addAttribute(
                "userName",
                userManager
                        .findById(authentication.getName())
                        .map(ApplicationUser::getUserName)
                        .orElse(authentication.getName()));
        model.addAttribute("openid", requested.contains(OidcScopes.OPENID));
        model.addAttribute("scopes", toApprove);
        model.addAttribute("previouslyApprovedScopes", previouslyApproved);
        return VIEW;
    }

    /**
     * The host of a client whose id is a URL (a client ID metadata document): shown beside the name, which the
     * client chose itself, so the user sees who asks. Null for other clients.
     */
    private static String urlHost(String clientId) {
        if (!clientId.startsWith("https://") && !clientId.startsWith("http://")) {
            return null;
        }
        try {
            return URI.create(clientId).getHost();
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** The error page, as Spring Boot's error controller would fill it, with status 400. */
    private static String badRequest(Model model, HttpServletResponse response) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("error", status.getReasonPhrase());
        model.addAttribute("path", "/oauth2/consent");
        return ERROR_VIEW;
    }
}
