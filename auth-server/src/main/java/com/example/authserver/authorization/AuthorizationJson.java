package com.example.authserver.authorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization.Token;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the {@code attributes} and {@code <kind>_metadata} columns. It uses Spring Security's own Jackson
 * mapper with its allow-list of types (as the framework's JDBC store does), after two precautions: the signed-in
 * user is stored as {@link StoredPrincipal} (name and authorities), and token claims as plain JSON values.
 */
final class AuthorizationJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper mapper = JsonMapper.builder()
            .addModules(SecurityJacksonModules.getModules(AuthorizationJson.class.getClassLoader()))
            .build();

    /** The attributes, {@code state} already taken out (it has its own hashed column). */
    String writeAttributes(Map<String, Object> attributes) {
        Map<String, Object> stored = new LinkedHashMap<>(attributes);
        if (stored.get(OAuth2AuthorizationRequest.class.getName()) instanceof OAuth2AuthorizationRequest request) {
            stored.put(OAuth2AuthorizationRequest.class.getName(), withoutArrays(request));
        }
        Object principal = stored.get(StoredPrincipal.ATTRIBUTE);
        if (principal != null) {
            stored.put(StoredPrincipal.ATTRIBUTE, StoredPrincipal.toMap(principal));
        }
        return mapper.writeValueAsString(stored);
    }

    /**
     * A parameter sent more than once (several {@code resource} values, RFC 8707) is a {@code String[]} among the
     * authorization request's parameters, a type the allow-list refuses to read back: stored as a list instead.
     */
    private static OAuth2AuthorizationRequest withoutArrays(OAuth2AuthorizationRequest request) {
        if (request.getAdditionalParameters().values().stream().noneMatch(String[].class::isInstance)) {
            return request;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        request.getAdditionalParameters()
                .forEach((name, value) -> parameters.put(
                        name, value instanceof String[] values ? new ArrayList<>(Arrays.asList(values)) : value));
        return OAuth2AuthorizationRequest.from(request)
                .additionalParameters(additional -> {
                    additional.clear();
                    additional.putAll(parameters);
                })
                .build();
    }

    Map<String, Object> readAttributes(String json) {
        Map<String, Object> attributes = read(json);
        if (attributes.get(StoredPrincipal.ATTRIBUTE) instanceof Map<?, ?> principal) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = (Map<String, Object>) principal;
            attributes.put(StoredPrincipal.ATTRIBUTE, StoredPrincipal.fromMap(stored));
        }
        return attributes;
    }

    String writeMetadata(Map<String, Object> metadata) {
        Map<String, Object> stored = new LinkedHashMap<>(metadata);
        if (stored.get(Token.CLAIMS_METADATA_NAME) instanceof Map<?, ?> claims) {
            stored.put(Token.CLAIMS_METADATA_NAME, JsonValues.plain(claims));
        }
        return mapper.writeValueAsString(stored);
    }

    Map<String, Object> readMetadata(String json) {
        return read(json);
    }

    private Map<String, Object> read(String json) {
        if (json == null || json.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return mapper.readValue(json, MAP);
    }
}
