package com.example.authserver.registration;

import com.example.authserver.security.ApplicationChainContribution;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' API for registration, for users with the role {@code admin} (as {@code /actuator/metrics}),
 * signed in on this server: issue an initial access token, list the clients that registered themselves, delete one.
 * JSON only: POST takes {@code application/json} and the others are GET and DELETE, none of which a page on another
 * site can send with the administrator's cookie (no CORS here), so CSRF tokens are not asked for.
 */
@RestController
@RequestMapping(RegistrationAdminController.PATH)
class RegistrationAdminController implements ApplicationChainContribution {

    static final String PATH = "/admin/registration";

    private static final int LIST_LIMIT = 1000;

    /** A scope as RFC 6749 §3.3 allows it: printable ASCII without space, double quote or backslash. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    private final InitialAccessTokens initialTokens;

    private final ClientRegistrations registrations;

    private final RegisteredClientRepository clients;

    private final RegistrationProperties properties;

    RegistrationAdminController(
            InitialAccessTokens initialTokens,
            ClientRegistrations registrations,
            RegisteredClientRepository clients,
            RegistrationProperties properties) {
        this.initialTokens = initialTokens;
        this.registrations = registrations;
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(PATH, PATH + "/**").hasRole("ADMIN");
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(PATH + "/**"));
    }

    /**
     * The request of an administrator issuing an initial access token; everything optional.
     *
     * @param description who the token is for (kept, for the administrators)
     * @param uses how many clients it may register (default {@code authforge.registration.initial-token-uses})
     * @param lifetimeSeconds how long it lasts (default {@code authforge.registration.initial-token-lifetime})
     * @param scopes scopes its clients may have beyond the open ones
     */
    record IssueRequest(String description, Integer uses, Long lifetimeSeconds, List<String> scopes) {}

    @PostMapping(path = "/initial-tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> issue(@RequestBody IssueRequest request) {
        if (!properties.isEnabled()) {
            return ResponseEntity.notFound().build();
        }
        int uses = request.uses() == null ? properties.getInitialTokenUses() : request.uses();
        Duration lifetime = request.lifetimeSeconds() == null
                ? properties.getInitialTokenLifetime()
                : Duration.ofSeconds(request.lifetimeSeconds());
        if (uses < 1 || uses > 1000 || lifetime.isNegative() || lifetime.isZero()) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "invalid_request", "error_description", "uses 1-1000, lifetime > 0"));
        }
        Set<String> scopes = request.scopes() == null ? Set.of() : new LinkedHashSet<>(request.scopes());
        if (!scopes.stream()
                .allMatch(scope -> scope != null && SCOPE_TOKEN.matcher(scope).matches())) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "invalid_scope", "error_description", "scopes as RFC 6749 §3.3 writes them"));
        }
        InitialAccessTokens.Issued issued;
        try {
            issued = initialTokens.issue(request.description(), uses, lifetime, scopes);
        } catch (IllegalArgumentException refused) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "invalid_scope", "error_description", refused.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(describe(issued));
    }

    @GetMapping("/clients")
    ResponseEntity<List<Map<String, Object>>> list() {
        if (!properties.isEnabled()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(registrations.all(LIST_LIMIT).stream()
                .map(registration -> {
                    RegisteredClient client = clients.findById(registration.registeredClientId());
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("client_id", registration.clientId());
                    entry.put("client_name", client == null ? null : client.getClientName());
                    entry.put("registered_at", registration.registeredAt().toString());
                    entry.put("open_registration", registration.open());
                    entry.put("initial_token_id", registration.initialTokenId());
                    if (client != null) {
                        entry.put("redirect_uris", List.copyOf(client.getRedirectUris()));
                        entry.put(
                                "grant_types",
                                client.getAuthorizationGrantTypes().stream()
                                        .map(AuthorizationGrantType::getValue)
                                        .sorted()
                                        .toList());
                        entry.put(
                                "scope",
                                String.join(
                                        " ",
                                        client.getScopes().stream().sorted().toList()));
                    }
                    return entry;
                })
                .toList());
    }

    @DeleteMapping("/clients/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String clientId) {
        RegisteredClient client = registrations
                .findByClientId(clientId)
                .map(registration -> clients.findById(registration.registeredClientId()))
                .orElse(null);
        // only clients that registered themselves: the configured and development ones are not this API's
        if (!properties.isEnabled() || client == null) {
            return ResponseEntity.notFound().build();
        }
        registrations.delete(client);
        return ResponseEntity.noContent().build();
    }

    static Map<String, Object> describe(InitialAccessTokens.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initial_access_token", issued.value());
        body.put("id", issued.id());
        body.put("expires_at", issued.expiresAt().toString());
        body.put("uses", issued.uses());
        body.put("scope", String.join(" ", issued.scopes()));
        return body;
    }
}
