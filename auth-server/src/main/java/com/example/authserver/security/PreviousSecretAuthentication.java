package com.example.authserver.security;

import com.example.authserver.clients.ClientSecretRotation;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client secret authentication that also accepts a client's previous secret while its rotation overlap lasts
 * ({@link ClientSecretRotation}). The framework's provider checks the current secret first; only when it refuses the
 * client is the same provider asked again, reading the client with its previous secret hash in place of the current
 * one, so every other check it makes (authentication method, secret expiry, PKCE code verifier) applies to the old
 * secret exactly as to the new. A client without an overlap costs nothing more than the refusal.
 */
final class PreviousSecretAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider current;

    private final ClientSecretAuthenticationProvider previous;

    private final RegisteredClientRepository clients;

    private final ClientSecretRotation rotation;

    PreviousSecretAuthentication(
            AuthenticationProvider current,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            PasswordEncoder secrets,
            ClientSecretRotation rotation) {
        this.current = current;
        this.clients = clients;
        this.rotation = rotation;
        this.previous =
                new ClientSecretAuthenticationProvider(new WithPreviousSecret(clients, rotation), authorizations);
        this.previous.setPasswordEncoder(secrets);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return current.authenticate(authentication);
        } catch (OAuth2AuthenticationException refused) {
            if (!OAuth2ErrorCodes.INVALID_CLIENT.equals(refused.getError().getErrorCode())
                    || !(authentication instanceof OAuth2ClientAuthenticationToken client)
                    || !(client.getPrincipal() instanceof String clientId)) {
                throw refused;
            }
            RegisteredClient registered = clients.findByClientId(clientId);
            if (registered == null
                    || rotation.previousSecretHash(registered.getId()).isEmpty()) {
                throw refused;
            }
            Authentication accepted;
            try {
                accepted = previous.authenticate(authentication);
            } catch (OAuth2AuthenticationException alsoRefused) {
                throw refused;
            }
            // the grant goes on with the client as stored, its current secret hash included
            OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) accepted;
            return new OAuth2ClientAuthenticationToken(
                    registered, token.getClientAuthenticationMethod(), token.getCredentials());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return current.supports(authentication);
    }

    /** The clients as the framework's provider should see them for the second check: with the previous secret. */
    private record WithPreviousSecret(RegisteredClientRepository clients, ClientSecretRotation rotation)
            implements RegisteredClientRepository {

        @Override
        public void save(RegisteredClient registeredClient) {
            throw new UnsupportedOperationException("read-only view");
        }

        @Override
        public RegisteredClient findById(String id) {
            return withPrevious(clients.findById(id));
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return withPrevious(clients.findByClientId(clientId));
        }

        private RegisteredClient withPrevious(RegisteredClient client) {
            if (client == null) {
                return null;
            }
            return rotation.previousSecretHash(client.getId())
                    .map(hash ->
                            RegisteredClient.from(client).clientSecret(hash).build())
                    .orElse(null);
        }
    }
}
