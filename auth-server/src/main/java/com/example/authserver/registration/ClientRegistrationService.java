package com.example.authserver.registration;

import com.example.authserver.clients.ApiResources;
import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.Clients;
import com.example.authserver.clients.ConsentSettings;
import com.example.authserver.clients.SelfRegisteredClients;
import com.example.authserver.registration.RegistrationPolicy.ClientMetadata;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;

/**
 * Registers, reads, updates and deletes clients for {@link RegistrationEndpoint}: which scopes a registration may
 * have, the token checks, and what a registered client becomes (PKCE and consent always, short-lived codes and
 * access tokens, rotating refresh tokens, marked as self-registered for the consent page).
 *
 * <p>Scopes: open registration may have {@code openid}, {@code profile} and the scopes each API resource opens to
 * registered clients ({@code ApiResources.registrationScopes()}: in development {@code mcp:tools}); with an initial
 * access token also {@code email} and the scopes the administrator named when issuing it.
 */
@Component
class ClientRegistrationService {

    /** What the endpoint answers with: the client, its registration access token, and its new secret, if any. */
    record Result(RegisteredClient client, String registrationToken, String clientSecret) {}

    private static final Set<String> OPEN_IDENTITY_SCOPES = Set.of("openid", "profile");

    private final RegisteredClientRepository clients;

    private final ClientRegistrations registrations;

    private final InitialAccessTokens initialTokens;

    private final ApiResources resources;

    private final ClientSecretHashing hashing;

    private final RegistrationProperties properties;

    private final Clock clock;

    ClientRegistrationService(
            RegisteredClientRepository clients,
            ClientRegistrations registrations,
            InitialAccessTokens initialTokens,
            ApiResources resources,
            ClientSecretHashing hashing,
            RegistrationProperties properties,
            Clock clock) {
        this.clients = clients;
        this.registrations = registrations;
        this.initialTokens = initialTokens;
        this.resources = resources;
        this.hashing = hashing;
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers a client, with the initial access token it sent, or openly when it sent none. */
    Result register(Map<String, Object> request, String initialToken) {
        if (initialToken == null) {
            if (!properties.isOpen()) {
                throw RegistrationError.token("an initial access token is required to register a client");
            }
            ClientMetadata metadata = RegistrationPolicy.check(request, false, openScopes());
            return save(metadata, true, null);
        }
        InitialAccessTokens.Usable token = initialTokens
                .find(initialToken)
                .orElseThrow(() -> RegistrationError.token("the initial access token is unknown, expired or used up"));
        Set<String> allowed = new HashSet<>(openScopes());
        allowed.add("email");
        allowed.addAll(token.scopes());
        ClientMetadata metadata = RegistrationPolicy.check(request, true, allowed);
        if (!initialTokens.use(token.id())) {
            throw RegistrationError.token("the initial access token is used up");
        }
        return save(metadata, false, token.id());
    }

    /** The client's registration, for the holder of its registration access token. */
    Result read(String clientId, String registrationToken) {
        return new Result(client(authenticate(clientId, registrationToken)), registrationToken, null);
    }

    /**
     * Replaces the client's metadata (RFC 7592 §2.2): same policy as when it registered, never more than it has
     * (scopes, grant types) and the same authentication method; the registration access token is replaced.
     */
    Result update(String clientId, String registrationToken, Map<String, Object> request) {
        ClientRegistrations.Registration registration = authenticate(clientId, registrationToken);
        RegisteredClient current = client(registration);
        if (!clientId.equals(request.get("client_id"))) {
            throw RegistrationError.metadata("client_id must be sent, and be the client's own");
        }
        Object secret = request.get("client_secret");
        if (secret != null && !(secret instanceof String text && hashing.matches(text, current.getClientSecret()))) {
            throw RegistrationError.metadata("client_secret does not match");
        }
        ClientMetadata metadata = RegistrationPolicy.check(request, !registration.open(), current.getScopes());
        String method =
                current.getClientAuthenticationMethods().iterator().next().getValue();
        if (!metadata.authenticationMethod().equals(method)) {
            throw RegistrationError.metadata("token_endpoint_auth_method cannot change");
        }
        Set<String> grants = new HashSet<>();
        current.getAuthorizationGrantTypes().forEach(grant -> grants.add(grant.getValue()));
        if (!grants.containsAll(metadata.grantTypes())) {
            throw RegistrationError.metadata("grant_types can only keep or drop the client's grant types");
        }
        RegisteredClient updated = RegisteredClient.from(current)
                .clientName(Objects.requireNonNullElse(metadata.clientName(), current.getClientId()))
                .redirectUris(uris -> {
                    uris.clear();
                    uris.addAll(metadata.redirectUris());
                })
                .authorizationGrantTypes(types -> {
                    types.clear();
                    metadata.grantTypes().forEach(type -> types.add(new AuthorizationGrantType(type)));
                })
                .scopes(scopes -> {
                    scopes.clear();
                    scopes.addAll(metadata.scopes());
                })
                .build();
        String next = registrations
                .update(updated, registrationToken)
                .orElseThrow(() -> RegistrationError.token("the registration access token was replaced"));
        return new Result(updated, next, null);
    }

    /** Deletes the client, for the holder of its registration access token. */
    void delete(String clientId, String registrationToken) {
        registrations.delete(client(authenticate(clientId, registrationToken)));
    }

    Set<String> openScopes() {
        Set<String> scopes = new HashSet<>(OPEN_IDENTITY_SCOPES);
        scopes.addAll(resources.registrationScopes());
        return Set.copyOf(scopes);
    }

    private Result save(ClientMetadata metadata, boolean open, String initialTokenId) {
        String clientId = UUID.randomUUID().toString();
        String secret = metadata.isPublic() ? null : RegistrationTokens.generate();
        RegisteredClient.Builder client = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(clock.instant())
                .clientName(Objects.requireNonNullElse(metadata.clientName(), clientId))
                .clientAuthenticationMethod(new ClientAuthenticationMethod(metadata.authenticationMethod()))
                .authorizationGrantTypes(
                        types -> metadata.grantTypes().forEach(type -> types.add(new AuthorizationGrantType(type))))
                .redirectUris(uris -> uris.addAll(metadata.redirectUris()))
                .scopes(scopes -> scopes.addAll(metadata.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .setting(SelfRegisteredClients.SELF_REGISTERED, true)
                        // every time, even for openid alone or after a remembered consent: nobody vouched for it,
                        // and its redirect URIs may change (RFC 7592) after a user allowed it once
                        .setting(ConsentSettings.ALWAYS_ASK, true)
                        .build())
                .tokenSettings(Clients.userTokens().build());
        if (secret != null) {
            client.clientSecret(hashing.encode(secret));
        }
        RegisteredClient saved = client.build();
        String token = registrations.add(saved, open, initialTokenId);
        return new Result(saved, token, secret);
    }

    private ClientRegistrations.Registration authenticate(String clientId, String token) {
        if (token == null) {
            throw RegistrationError.token("the registration access token is required");
        }
        return registrations
                .authenticate(clientId, token)
                .orElseThrow(() -> RegistrationError.token("the registration access token is not valid"));
    }

    private RegisteredClient client(ClientRegistrations.Registration registration) {
        RegisteredClient client = clients.findById(registration.registeredClientId());
        if (client == null) {
            throw RegistrationError.token("the registration access token is not valid");
        }
        return client;
    }

    /** The client's metadata as RFC 7591 §3.2.1 and RFC 7592 §3 name it. */
    static Map<String, Object> describe(Result result, String registrationClientUri) {
        RegisteredClient client = result.client();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.getClientId());
        if (client.getClientIdIssuedAt() != null) {
            body.put("client_id_issued_at", client.getClientIdIssuedAt().getEpochSecond());
        }
        if (result.clientSecret() != null) {
            body.put("client_secret", result.clientSecret());
            body.put("client_secret_expires_at", 0);
        }
        body.put("client_name", client.getClientName());
        body.put("redirect_uris", List.copyOf(client.getRedirectUris()));
        body.put(
                "grant_types",
                client.getAuthorizationGrantTypes().stream()
                        .map(AuthorizationGrantType::getValue)
                        .sorted()
                        .toList());
        boolean code = client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE);
        body.put("response_types", code ? List.of("code") : List.of());
        body.put(
                "token_endpoint_auth_method",
                client.getClientAuthenticationMethods().iterator().next().getValue());
        body.put("scope", String.join(" ", client.getScopes().stream().sorted().toList()));
        body.put("registration_access_token", result.registrationToken());
        body.put("registration_client_uri", registrationClientUri);
        return body;
    }
}
