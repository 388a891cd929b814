package com.example.authserver.passwordgrant;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads a {@code grant_type=password} token request (RFC 6749 section 4.3.2): {@code username} and {@code password}
 * once each, {@code scope} at most once; anything else is {@code invalid_request}.
 */
final class PasswordGrantRequests implements AuthenticationConverter {

    /** RFC 6749 section 4.3.2 (Spring Security 7 dropped these parameter names with the grant). */
    static final String USERNAME = "username";

    static final String PASSWORD = "password";

    private static final List<String> OWN_PARAMETERS = List.of(
            OAuth2ParameterNames.GRANT_TYPE,
            USERNAME,
            PASSWORD,
            OAuth2ParameterNames.SCOPE,
            OAuth2ParameterNames.CLIENT_ID,
            OAuth2ParameterNames.CLIENT_SECRET);

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrant.GRANT_TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String username = single(request, USERNAME, true);
        String password = single(request, PASSWORD, true);
        String scope = single(request, OAuth2ParameterNames.SCOPE, false);
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            scopes.addAll(Arrays.asList(StringUtils.delimitedListToStringArray(scope, " ")));
            scopes.remove("");
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!OWN_PARAMETERS.contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new PasswordGrantRequest(client, username, password, scopes, additional);
    }

    private static String single(HttpServletRequest request, String name, boolean required) {
        if (inQuery(request, name)) { // a password in the address ends up in access logs
            throw invalidRequest("The " + name + " parameter belongs in the request body.");
        }
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isEmpty()) {
            if (required) {
                throw invalidRequest("The " + name + " parameter is required.");
            }
            return null;
        }
        if (values.length != 1) {
            throw invalidRequest("The " + name + " parameter must be given once.");
        }
        return values[0];
    }

    private static boolean inQuery(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return query != null
                && UriComponentsBuilder.newInstance()
                        .query(query)
                        .build()
                        .getQueryParams()
                        .containsKey(name);
    }

    private static OAuth2AuthenticationException invalidRequest(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
    }
}
