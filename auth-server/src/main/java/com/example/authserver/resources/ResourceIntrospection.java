package com.example.authserver.resources;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ApiResources;
import com.example.authserver.clients.ClientSecretHashing;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * An API resource introspects with HTTP Basic, its name and introspection secret (as IdentityServer's API resources
 * do), and only there: the converter turns such credentials into {@link ResourceCredentials} on the introspection
 * endpoint alone, so at the token, revocation, PAR or device endpoints the same credentials are an unknown client
 * ({@code invalid_client}). The resource then stands as {@link ApiResource#asIntrospectionCaller()}, which
 * {@code security/IntrospectionAccess} shows only tokens issued for it.
 */
final class ResourceIntrospection {

    /** The Basic credentials of a resource, at the introspection endpoint: checked by {@link #provider()} alone. */
    static final class ResourceCredentials extends OAuth2ClientAuthenticationToken {

        ResourceCredentials(String name, Object secret, Map<String, Object> parameters) {
            super(name, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, secret, parameters);
        }
    }

    private final ApiResources resources;

    private final ClientSecretHashing hashing;

    private final RequestMatcher introspectionEndpoint;

    private final ClientSecretBasicAuthenticationConverter basic = new ClientSecretBasicAuthenticationConverter();

    ResourceIntrospection(ApiResources resources, ClientSecretHashing hashing, RequestMatcher introspectionEndpoint) {
        this.resources = resources;
        this.hashing = hashing;
        this.introspectionEndpoint = introspectionEndpoint;
    }

    /** Null (the next converter's turn) unless Basic credentials name a resource that introspects, at introspection. */
    AuthenticationConverter converter() {
        return request -> {
            if (!introspectionEndpoint.matches(request)) {
                return null;
            }
            Authentication credentials = basic.convert(request);
            if (!(credentials instanceof OAuth2ClientAuthenticationToken client)
                    || introspector(client.getPrincipal().toString()).isEmpty()) {
                return null;
            }
            return new ResourceCredentials(
                    client.getPrincipal().toString(), client.getCredentials(), client.getAdditionalParameters());
        };
    }

    /**
     * Checks the secret against the resource's hash; a wrong one is {@code invalid_client}, and the framework's
     * provider then tries the name as a client id (a client of that name with that secret is that client).
     */
    AuthenticationProvider provider() {
        return new AuthenticationProvider() {

            @Override
            public Authentication authenticate(Authentication authentication) {
                ResourceCredentials credentials = (ResourceCredentials) authentication;
                ApiResource resource = introspector(credentials.getPrincipal().toString())
                        .orElseThrow(ResourceIntrospection::invalidClient);
                if (!(credentials.getCredentials() instanceof String secret)
                        || !hashing.matches(secret, resource.introspectionSecret())) {
                    throw invalidClient();
                }
                return new OAuth2ClientAuthenticationToken(
                        resource.asIntrospectionCaller(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return ResourceCredentials.class.isAssignableFrom(authentication);
            }
        };
    }

    private Optional<ApiResource> introspector(String name) {
        return resources.findByName(name).filter(resource -> resource.introspectionSecret() != null);
    }

    private static OAuth2AuthenticationException invalidClient() {
        return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }
}
