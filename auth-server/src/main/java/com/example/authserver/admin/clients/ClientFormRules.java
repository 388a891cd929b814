package com.example.authserver.admin.clients;

import com.example.authserver.clients.RedirectUriRules;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.validation.Errors;

/**
 * What the console lets an administrator give a client, each refusal a field error on the form. Redirect URIs follow
 * the rule every client here follows ({@link RedirectUriRules}, shared with dynamic registration); the grant rules are
 * those of registration too (public clients get no client credentials, refresh tokens only with a user flow), with
 * the device flow added, since an administrator vouches for the client.
 */
final class ClientFormRules {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{2,99}");

    /** RFC 6749 §3.3 scope-token: visible ASCII except space, double quote and backslash. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

    private static final int MAX_NAME_LENGTH = 100;

    private static final int MAX_URIS = 10;

    /** The registered client table keeps each list comma-separated in 1,000 characters. */
    private static final int MAX_URIS_LENGTH = 1000;

    private static final int MAX_SCOPES = 30;

    private static final String CODE = AuthorizationGrantType.AUTHORIZATION_CODE.getValue();

    private static final String REFRESH = AuthorizationGrantType.REFRESH_TOKEN.getValue();

    private static final String CLIENT_CREDENTIALS = AuthorizationGrantType.CLIENT_CREDENTIALS.getValue();

    private static final String DEVICE = AuthorizationGrantType.DEVICE_CODE.getValue();

    private ClientFormRules() {}

    /** Checks the form; {@code creating} also checks the client id (which an edit cannot change). */
    static void check(ClientForm form, boolean creating, Errors errors) {
        if (creating && !CLIENT_ID.matcher(form.getClientId().strip()).matches()) {
            errors.rejectValue("clientId", "admin.clients.error.clientId");
        }
        String name = form.getClientName().strip();
        if (name.isEmpty()
                || name.length() > MAX_NAME_LENGTH
                || name.codePoints()
                        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            errors.rejectValue("clientName", "admin.clients.error.clientName");
        }
        checkGrantTypes(form, errors);
        checkUris("redirectUris", lines(form.getRedirectUris()), errors);
        checkUris("postLogoutRedirectUris", lines(form.getPostLogoutRedirectUris()), errors);
        boolean code = form.grantTypeSet().contains(CODE);
        if (code && lines(form.getRedirectUris()).isEmpty() && !errors.hasFieldErrors("redirectUris")) {
            errors.rejectValue("redirectUris", "admin.clients.error.redirectUris.required");
        }
        if (!code && !lines(form.getRedirectUris()).isEmpty() && !errors.hasFieldErrors("redirectUris")) {
            errors.rejectValue("redirectUris", "admin.clients.error.redirectUris.withoutCode");
        }
        Set<String> scopes = words(form.getScopes());
        if (scopes.size() > MAX_SCOPES
                || !scopes.stream().allMatch(scope -> SCOPE.matcher(scope).matches())) {
            errors.rejectValue("scopes", "admin.clients.error.scopes", new Object[] {MAX_SCOPES}, null);
        }
        range(errors, "accessTokenMinutes", form.getAccessTokenMinutes(), 1, 1440);
        range(errors, "refreshTokenDays", form.getRefreshTokenDays(), 1, 365);
        // RFC 6749 §4.1.2: a maximum lifetime of 10 minutes is recommended for codes
        range(errors, "authorizationCodeMinutes", form.getAuthorizationCodeMinutes(), 1, 10);
    }

    private static void checkGrantTypes(ClientForm form, Errors errors) {
        Set<String> grants = form.grantTypeSet();
        if (!ClientForm.GRANT_TYPES.containsAll(grants)) {
            errors.rejectValue("grantTypes", "admin.clients.error.grantTypes.unknown");
        } else if (!grants.contains(CODE) && !grants.contains(CLIENT_CREDENTIALS) && !grants.contains(DEVICE)) {
            errors.rejectValue("grantTypes", "admin.clients.error.grantTypes.none");
        } else if (form.isPublicClient() && grants.contains(CLIENT_CREDENTIALS)) {
            errors.rejectValue("grantTypes", "admin.clients.error.grantTypes.publicCredentials");
        } else if (grants.contains(REFRESH) && !grants.contains(CODE) && !grants.contains(DEVICE)) {
            errors.rejectValue("grantTypes", "admin.clients.error.grantTypes.refresh");
        }
        if (form.isPublicClient() && !form.isRequirePkce()) {
            errors.rejectValue("requirePkce", "admin.clients.error.requirePkce");
        }
    }

    private static void checkUris(String field, List<String> uris, Errors errors) {
        if (uris.size() > MAX_URIS || String.join(",", uris).length() > MAX_URIS_LENGTH) {
            errors.rejectValue(
                    field, "admin.clients.error.uris.tooMany", new Object[] {MAX_URIS, MAX_URIS_LENGTH}, null);
            return;
        }
        for (String uri : uris) {
            RedirectUriRules.problem(uri)
                    .ifPresent(problem -> errors.rejectValue(
                            field,
                            "admin.clients.error.uri." + problem.name().toLowerCase(Locale.ROOT),
                            new Object[] {abbreviate(uri)},
                            null));
            if (errors.hasFieldErrors(field)) {
                return;
            }
        }
    }

    private static void range(Errors errors, String field, Integer value, int min, int max) {
        if (!errors.hasFieldErrors(field) && (value == null || value < min || value > max)) {
            errors.rejectValue(field, "admin.clients.error.range", new Object[] {min, max}, null);
        }
    }

    /** The non-blank lines of a text area, stripped, without repeats. */
    static List<String> lines(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .distinct()
                .toList();
    }

    static Set<String> words(String text) {
        return text.isBlank()
                ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
