package com.example.authserver.metadatadocuments;

import com.example.authserver.clients.Clients;
import com.example.authserver.clients.ConsentSettings;
import com.example.authserver.metadatadocuments.DocumentFetcher.Refused;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fetched document checked and turned into a client: its {@code client_id} is the URL exactly; it names its
 * redirect URIs; it holds no secret (nobody could have given it one) and asks for no client authentication but
 * {@code none} (a public client: {@code private_key_jwt} is not supported); its grant types are
 * {@code authorization_code} and optionally {@code refresh_token}; its scopes are among those open to clients that
 * register themselves (the API resources' registration scopes, plus {@code openid} and {@code profile}), all of them
 * when it names none. The client gets PKCE and the consent page at every request, with its name and host.
 */
final class MetadataDocument {

    /** The client setting that marks a client as described by a document (its value: the document's URL). */
    static final String URL_SETTING = "settings.client.metadata-document-url";

    static final Set<String> IDENTITY_SCOPES = Set.of("openid", "profile");

    static final int MAX_NAME_LENGTH = 100;

    /** The clients table's {@code redirect_uris} column: the URIs joined with commas. */
    private static final int MAX_REDIRECT_URIS_LENGTH = 1000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private MetadataDocument() {}

    /** The registered-client id of the document at {@code clientId}: short enough for every column that holds one. */
    static String registeredClientId(String clientId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clientId.getBytes(StandardCharsets.UTF_8));
            return "cimd-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static boolean describes(RegisteredClient client) {
        return client.getClientSettings().getSetting(URL_SETTING) != null;
    }

    static RegisteredClient parse(String clientId, URI url, String body, Set<String> openScopes) throws Refused {
        Map<?, ?> document;
        try {
            document = JSON.readValue(body, Map.class);
        } catch (JacksonException ex) {
            throw new Refused("not a JSON object");
        }
        if (document == null) {
            throw new Refused("not a JSON object");
        }
        if (!clientId.equals(document.get("client_id"))) {
            throw new Refused("its client_id is not the URL it was fetched from");
        }
        if (document.containsKey("client_secret") || document.containsKey("client_secret_expires_at")) {
            throw new Refused("it holds a client secret");
        }
        Object method = document.get("token_endpoint_auth_method");
        if (method != null && !"none".equals(method)) {
            throw new Refused("token_endpoint_auth_method " + method + " (only none is supported)");
        }
        Set<String> responseTypes = strings(document, "response_types", Set.of("code"));
        if (!responseTypes.equals(Set.of("code"))) {
            throw new Refused("response_types other than code");
        }
        Set<String> grantTypes = strings(document, "grant_types", Set.of("authorization_code"));
        if (!grantTypes.contains("authorization_code")
                || !Set.of("authorization_code", "refresh_token").containsAll(grantTypes)) {
            throw new Refused("grant_types other than authorization_code and refresh_token");
        }
        Set<String> allowed = new LinkedHashSet<>(IDENTITY_SCOPES);
        allowed.addAll(openScopes);
        Set<String> scopes = scopes(document.get("scope"), allowed);
        List<String> redirectUris = redirectUris(document.get("redirect_uris"));
        return RegisteredClient.withId(registeredClientId(clientId))
                .clientId(clientId)
                .clientIdIssuedAt(Instant.now())
                .clientName(name(document.get("client_name"), url))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantTypes(types -> grantTypes.forEach(t -> types.add(new AuthorizationGrantType(t))))
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .setting(ConsentSettings.ALWAYS_ASK, true)
                        .setting(URL_SETTING, clientId)
                        .build())
                .tokenSettings(Clients.userTokens().build())
                .build();
    }

    /** The name to show: control characters removed, at most {@value #MAX_NAME_LENGTH} characters; else the host. */
    static String name(Object clientName, URI url) {
        if (!(clientName instanceof String text)) {
            return url.getHost();
        }
        StringBuilder clean = new StringBuilder();
        text.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_NAME_LENGTH)
                .forEach(clean::appendCodePoint);
        String name = clean.toString().strip();
        return name.isEmpty() ? url.getHost() : name;
    }

    private static Set<String> scopes(Object scope, Set<String> allowed) throws Refused {
        if (scope == null) {
            return allowed;
        }
        if (!(scope instanceof String text) || text.isBlank()) {
            throw new Refused("scope is not a space-separated string");
        }
        Set<String> scopes = new LinkedHashSet<>(List.of(text.trim().split(" +")));
        if (!allowed.containsAll(scopes)) {
            throw new Refused("scope asks for more than " + allowed);
        }
        return scopes;
    }

    private static List<String> redirectUris(Object value) throws Refused {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new Refused("no redirect_uris");
        }
        List<String> uris = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String uri) || !acceptableRedirectUri(uri)) {
                throw new Refused("redirect URI not accepted: " + item);
            }
            uris.add(uri);
        }
        if (String.join(",", uris).length() > MAX_REDIRECT_URIS_LENGTH) {
            throw new Refused("redirect_uris longer than " + MAX_REDIRECT_URIS_LENGTH + " characters together");
        }
        return uris;
    }

    /**
     * https; http on a loopback host (native apps, RFC 8252); or a private-use scheme with a dot (net.example.app:/cb).
     * Never a fragment, nor a comma (the clients table joins the URIs with commas).
     */
    static boolean acceptableRedirectUri(String text) {
        if (text.indexOf(',') >= 0 || text.indexOf('#') >= 0) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !uri.isAbsolute()) {
                return false;
            }
            return switch (scheme) {
                case "https" -> uri.getHost() != null;
                case "http" -> ClientIdUrl.LOOPBACK_HOSTS.contains(uri.getHost());
                default -> scheme.contains(".");
            };
        } catch (URISyntaxException ex) {
            return false;
        }
    }

    private static Set<String> strings(Map<?, ?> document, String name, Set<String> absent) throws Refused {
        Object value = document.get(name);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new Refused(name + " is not a list of strings");
        }
        Set<String> strings = new LinkedHashSet<>();
        list.forEach(item -> strings.add((String) item));
        return strings;
    }
}
