package com.example.authserver.registration;

import com.example.authserver.clients.RedirectUriRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client may register (RFC 7591 §2), the one place that says it; everything else is refused with
 * {@code invalid_client_metadata} or {@code invalid_redirect_uri}:
 * <ul>
 *   <li>authentication: {@code none} (a public client) or, with an initial access token only,
 *       {@code client_secret_basic} / {@code client_secret_post} (a secret is generated). Not {@code private_key_jwt}
 *       (the server would fetch a {@code jwks_uri} the registrant chose), nor the others;</li>
 *   <li>grant types: {@code authorization_code} (always with PKCE) and {@code refresh_token}; a confidential client
 *       also {@code client_credentials}. Never {@code password}, {@code implicit}, token exchange, device or CIBA;</li>
 *   <li>response types: {@code code} alone, exactly when {@code authorization_code} is a grant type;</li>
 *   <li>redirect URIs (required with {@code authorization_code}, at most 10): https anywhere, or http on loopback
 *       ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}, any port, RFC 8252 §7.3); no fragment, no user info, no
 *       wildcard, no other scheme (no {@code javascript:}, no private-use schemes of native apps);</li>
 *   <li>scopes: within those the caller allows ({@link ClientRegistrationService}); all of them when none is asked
 *       for.</li>
 * </ul>
 */
final class RegistrationPolicy {

    static final String NONE = "none";

    static final Set<String> SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post");

    static final String AUTHORIZATION_CODE = "authorization_code";

    static final String REFRESH_TOKEN = "refresh_token";

    static final String CLIENT_CREDENTIALS = "client_credentials";

    private static final int MAX_REDIRECT_URIS = 10;

    /** The registered client table keeps the URIs comma-separated in 1,000 characters. */
    private static final int MAX_REDIRECT_URIS_LENGTH = 1000;

    private static final int MAX_NAME_LENGTH = 100;

    /** Metadata this server would have to act on but does not support: refused rather than silently ignored. */
    private static final List<String> UNSUPPORTED = List.of("jwks", "jwks_uri", "software_statement");

    /** A registration as checked: what the client will have. */
    record ClientMetadata(
            String clientName,
            List<String> redirectUris,
            Set<String> grantTypes,
            Set<String> responseTypes,
            String authenticationMethod,
            Set<String> scopes) {

        boolean isPublic() {
            return NONE.equals(authenticationMethod);
        }
    }

    private RegistrationPolicy() {}

    /**
     * Checks the metadata a client sent.
     *
     * @param confidentialAllowed whether the client may authenticate with a secret (it came with an initial token)
     * @param allowedScopes the scopes it may have
     */
    static ClientMetadata check(Map<String, Object> request, boolean confidentialAllowed, Set<String> allowedScopes) {
        for (String field : UNSUPPORTED) {
            if (request.containsKey(field)) {
                throw RegistrationError.metadata(field + " is not supported here");
            }
        }
        String method = string(request, "token_endpoint_auth_method", "client_secret_basic");
        if (!NONE.equals(method) && !SECRET_METHODS.contains(method)) {
            throw RegistrationError.metadata(
                    "token_endpoint_auth_method must be none, client_secret_basic or " + "client_secret_post");
        }
        if (!NONE.equals(method) && !confidentialAllowed) {
            throw RegistrationError.metadata("registration without an initial access token is for public clients only"
                    + " (token_endpoint_auth_method none)");
        }
        Set<String> grantTypes = strings(request, "grant_types", List.of(AUTHORIZATION_CODE));
        Set<String> allowedGrants = NONE.equals(method)
                ? Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN)
                : Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);
        for (String grantType : grantTypes) {
            if (!allowedGrants.contains(grantType)) {
                throw RegistrationError.metadata(
                        "grant type " + grantType + " is not allowed; allowed: " + String.join(", ", allowedGrants));
            }
        }
        if (!grantTypes.contains(AUTHORIZATION_CODE) && !grantTypes.contains(CLIENT_CREDENTIALS)) {
            throw RegistrationError.metadata("grant_types must include authorization_code or client_credentials");
        }
        boolean code = grantTypes.contains(AUTHORIZATION_CODE);
        Set<String> responseTypes = strings(request, "response_types", code ? List.of("code") : List.of());
        if (!responseTypes.equals(code ? Set.of("code") : Set.of())) {
            throw RegistrationError.metadata(
                    "response_types must be [\"code\"] with the authorization_code grant, " + "and empty without it");
        }
        List<String> redirectUris = new ArrayList<>(strings(request, "redirect_uris", List.of()));
        if (code && redirectUris.isEmpty()) {
            throw RegistrationError.redirectUri("redirect_uris are required with the authorization_code grant");
        }
        if (!code && !redirectUris.isEmpty()) {
            throw RegistrationError.redirectUri("redirect_uris are only for the authorization_code grant");
        }
        if (redirectUris.size() > MAX_REDIRECT_URIS
                || String.join(",", redirectUris).length() > MAX_REDIRECT_URIS_LENGTH) {
            throw RegistrationError.redirectUri("at most " + MAX_REDIRECT_URIS + " redirect URIs, "
                    + MAX_REDIRECT_URIS_LENGTH + " characters in all");
        }
        redirectUris.forEach(RegistrationPolicy::checkRedirectUri);
        Set<String> scopes = scopes(request, allowedScopes);
        return new ClientMetadata(name(request), List.copyOf(redirectUris), grantTypes, responseTypes, method, scopes);
    }

    /** The redirect URI rule every client here follows ({@link RedirectUriRules}). */
    static void checkRedirectUri(String value) {
        RedirectUriRules.problem(value).ifPresent(problem -> {
            String description = problem.description();
            if (problem == RedirectUriRules.Problem.NOT_A_URI || problem == RedirectUriRules.Problem.SCHEME) {
                description += ": " + abbreviate(value);
            }
            throw RegistrationError.redirectUri(description);
        });
    }

    private static Set<String> scopes(Map<String, Object> request, Set<String> allowedScopes) {
        Object value = request.get("scope");
        if (value == null) {
            return Set.copyOf(allowedScopes);
        }
        if (!(value instanceof String list) || list.isBlank()) {
            throw RegistrationError.metadata("scope must be a space-separated string of scopes");
        }
        Set<String> scopes = new LinkedHashSet<>(List.of(list.strip().split(" +")));
        for (String scope : scopes) {
            if (!allowedScopes.contains(scope)) {
                throw RegistrationError.metadata("scope " + abbreviate(scope) + " is not open to this registration");
            }
        }
        return scopes;
    }

    private static String name(Map<String, Object> request) {
        String name = string(request, "client_name", null);
        if (name == null) {
            return null;
        }
        if (name.isBlank()
                || name.length() > MAX_NAME_LENGTH
                || name.codePoints()
                        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            // format characters (bidi overrides, zero-width) could reorder or hide the consent page's warning
            throw RegistrationError.metadata("client_name must be 1 to " + MAX_NAME_LENGTH
                    + " characters, without control or format characters");
        }
        return name.strip();
    }

    private static String string(Map<String, Object> request, String field, String absent) {
        Object value = request.get(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof String text)) {
            throw RegistrationError.metadata(field + " must be a string");
        }
        return text;
    }

    private static Set<String> strings(Map<String, Object> request, String field, List<String> absent) {
        Object value = request.get(field);
        if (value == null) {
            return new LinkedHashSet<>(absent);
        }
        if (!(value instanceof Collection<?> list)
                || list.size() > 20
                || !list.stream().allMatch(String.class::isInstance)) {
            throw RegistrationError.metadata(field + " must be an array of at most 20 strings");
        }
        Set<String> strings = new LinkedHashSet<>();
        list.forEach(item -> strings.add((String) item));
        return strings;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
