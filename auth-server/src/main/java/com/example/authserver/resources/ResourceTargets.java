package com.example.authserver.resources;

import com.example.authserver.clients.ApiResource;
import com.example.authserver.clients.ApiResources;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * The rules of resource indicators (RFC 8707), shared by the authorization and token endpoints: which API resources a
 * request names, whether the client may have tokens for them, and which scopes go with them. Scopes that belong to an
 * API other than the ones named are refused, never silently dropped: the client learns at once that it asked for two
 * things that do not go together, and a token never carries less than the response's {@code scope} says.
 */
@Component
class ResourceTargets {

    /** RFC 8707 section 2. */
    static final String INVALID_TARGET = "invalid_target";

    static final String RESOURCE = "resource";

    /** More than this many resources in one request is not a real client. */
    private static final int MAX_RESOURCES = 10;

    private static final int MAX_LENGTH = 500;

    private final ApiResources resources;

    ResourceTargets(ApiResources resources) {
        this.resources = resources;
    }

    /** The values of the {@code resource} parameter among a request's other parameters (one, several or none). */
    static List<String> requested(Map<String, Object> parameters) {
        Object value = parameters == null ? null : parameters.get(RESOURCE);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String one) {
            return List.of(one);
        }
        if (value instanceof String[] many) {
            return List.of(many);
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    /**
     * The API resources named, each an absolute URI without fragment, known here, and one the client may use (it has
     * one of its scopes); else {@code invalid_target}.
     */
    List<ApiResource> resolve(Collection<String> uris, RegisteredClient client) {
        if (uris.size() > MAX_RESOURCES) {
            throw invalidTarget("Too many resource parameters.");
        }
        List<ApiResource> named = new ArrayList<>();
        for (String uri : new LinkedHashSet<>(uris)) {
            requireAbsoluteWithoutFragment(uri);
            ApiResource resource = resources
                    .findByUri(uri)
                    .orElseThrow(() -> invalidTarget("The resource is not an API of this server."));
            if (client.getScopes().stream().noneMatch(resource::owns)) {
                throw invalidTarget("This client may not obtain tokens for that resource.");
            }
            named.add(resource);
        }
        return named;
    }

    /** Refuses a scope owned by an API resource that is not one of {@code targets}. */
    void requireScopesOf(List<ApiResource> targets, Collection<String> scopes) {
        for (ApiResource other : resources.all()) {
            if (!targets.contains(other) && scopes.stream().anyMatch(other::owns)) {
                throw invalidTarget("A scope requested belongs to another resource than the ones requested.");
            }
        }
    }

    /** The resources owning any of the scopes: the audience of a token asked for by scope alone. */
    List<ApiResource> owningAny(Collection<String> scopes) {
        return resources.owningAny(Set.copyOf(scopes));
    }

    static OAuth2AuthenticationException invalidTarget(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(INVALID_TARGET, description, null));
    }

    private static void requireAbsoluteWithoutFragment(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > MAX_LENGTH) {
            throw invalidTarget("The resource must be an absolute URI.");
        }
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getRawFragment() != null || uri.contains("#")) {
                throw invalidTarget("The resource must be an absolute URI without fragment.");
            }
        } catch (URISyntaxException ex) {
            throw invalidTarget("The resource must be an absolute URI.");
        }
    }

    static List<String> urisOf(Collection<ApiResource> targets) {
        return targets.stream().map(ApiResource::uri).toList();
    }

    static List<String> words(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.asList(value.strip().split("\\s+"));
    }
}
