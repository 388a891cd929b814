package com.example.authserver.resources;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ApiResources;
import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.clients.Clients;
import com.example.authserver.security.ProtocolContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Resource indicators (RFC 8707) at the authorization endpoint, introspection by API resources, and the scopes of the
 * API resources in discovery. The token endpoint's part is {@link ResourceAudience}, where the token is made.
 *
 * <p>Discovery gets no field for resource indicators: neither RFC 8707 nor RFC 9068 defines authorization server
 * metadata, and a field of our own would be read by no client. Both documents list the resources' scopes in
 * {@code scopes_supported}; each resource publishes its own metadata (RFC 9728).
 */
@Component
class ResourceIndicators implements ProtocolContribution {

    private static final String SCOPES_SUPPORTED = "scopes_supported";

    private final ResourceTargets targets;

    private final ApiResources resources;

    private final ClientSecretHashing hashing;

    private final AuthorizationServerSettings settings;

    ResourceIndicators(
            ResourceTargets targets,
            ApiResources resources,
            ClientSecretHashing hashing,
            AuthorizationServerSettings settings) {
        this.targets = targets;
        this.resources = resources;
        this.hashing = hashing;
        this.settings = settings;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        ResourceIntrospection introspection = new ResourceIntrospection(
                resources,
                hashing,
                PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()));
        server.clientAuthentication(clients -> clients.authenticationConverter(introspection.converter())
                .authenticationProvider(introspection.provider()));
    }

    /**
     * The resources named must be known and usable by the client, and the scopes asked for may belong to no other
     * API; the error goes back to the client's redirect URI, which the checks before this one have validated.
     */
    @Override
    public Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> authorizationRequestValidator() {
        return context -> {
            OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
            List<String> named = ResourceTargets.requested(request.getAdditionalParameters());
            if (named.isEmpty()) {
                return;
            }
            try {
                List<ApiResource> audience = targets.resolve(named, context.getRegisteredClient());
                targets.requireScopesOf(audience, request.getScopes());
            } catch (OAuth2AuthenticationException ex) {
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(ex.getError(), request);
            }
        };
    }

    /** Adds the resources' scopes; to the OAuth metadata (which has none from the framework) the identity ones too. */
    @Override
    public void advertise(Map<String, Object> metadata) {
        List<Object> scopes = new ArrayList<>();
        if (metadata.get(SCOPES_SUPPORTED) instanceof List<?> advertised) {
            scopes.addAll(advertised);
        } else {
            scopes.addAll(Clients.IDENTITY_SCOPES);
        }
        resources.all().stream()
                .flatMap(resource -> resource.scopes().stream().sorted())
                .filter(scope -> !scopes.contains(scope))
                .forEach(scopes::add);
        metadata.put(SCOPES_SUPPORTED, scopes);
        // RFC 9728 section 4: the resources this server issues tokens for, the values "resource" may take
        List<String> uris =
                resources.all().stream().map(ApiResource::uri).sorted().toList();
        if (!uris.isEmpty()) {
            metadata.put("protected_resources", uris);
        }
    }
}
