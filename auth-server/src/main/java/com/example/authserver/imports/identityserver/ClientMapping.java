package com.example.authserver.imports.identityserver;

import com.example.authserver.clients.ConsentSettings;
import com.example.authserver.clients.ImportedClients;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Turns an IdentityServer client into this server's registered client, with the warnings for what does not carry
 * over (the README's mapping table says the same). A client that cannot work here at all (no grant type this server
 * offers, no redirect URI for its code flow, no secret it can check) is refused with an {@link IllegalArgumentException}
 * naming the reason.
 */
final class ClientMapping {

    static final String SOURCE = "identityserver";

    /** The identity scopes this server's claims mapping knows (claims/ClaimsMapping). */
    static final Set<String> STANDARD_IDENTITY_SCOPES = Set.of("openid", "profile", "email", "address", "phone");

    static final String OFFLINE_ACCESS = "offline_access";

    /** {@code requests/RequestSettings.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS} (features stay apart). */
    private static final String REQUIRE_PUSHED_AUTHORIZATION_REQUESTS =
            "settings.client.require-pushed-authorization-requests";

    private static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

    private static final AuthorizationGrantType CIBA = new AuthorizationGrantType("urn:openid:params:grant-type:ciba");

    /** Schemes a browser runs or reads locally: never a place to send a code or a user after logout. */
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    /** As registration/RegistrationPolicy's (features stay apart): where plain http is fine (RFC 8252 §7.3). */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private final Set<String> apiScopes;

    private final Map<String, String> scopesOfLocalApis;

    private final Set<String> customIdentityScopes;

    private final boolean passwordGrantEnabled;

    private final SecretSelection secrets;

    /**
     * @param apiScopes the enabled API scopes of the source (ApiScopes and the scopes of its API resources)
     * @param scopesOfLocalApis the scopes of this server's own API resources (not imported), each with the
     *     resource's URI: a source cannot give its clients those
     * @param customIdentityScopes the source's identity resources this server has no claims for
     */
    ClientMapping(
            Set<String> apiScopes,
            Map<String, String> scopesOfLocalApis,
            Set<String> customIdentityScopes,
            boolean passwordGrantEnabled,
            SecretSelection secrets) {
        this.apiScopes = apiScopes;
        this.scopesOfLocalApis = scopesOfLocalApis;
        this.customIdentityScopes = customIdentityScopes;
        this.passwordGrantEnabled = passwordGrantEnabled;
        this.secrets = secrets;
    }

    /** The client as this server registers it; what does not carry over is added to {@code warnings}. */
    RegisteredClient map(IdentityServerData.Client source, List<String> warnings) {
        SourceRow row = source.row();
        String protocol = row.string("ProtocolType");
        if (protocol != null && !protocol.equals("oidc")) {
            throw new IllegalArgumentException("protocol " + protocol + " is not OpenID Connect");
        }
        RegisteredClient.Builder client = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId(source.clientId())
                .clientName(row.string("ClientName") == null ? source.clientId() : row.string("ClientName"));
        boolean confidential = row.bool("RequireClientSecret", true);
        if (confidential) {
            secrets.apply(source, client, warnings);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        Set<AuthorizationGrantType> grants = grantTypes(source, confidential, warnings);
        boolean forUsers = grants.stream().anyMatch(grant -> !grant.equals(AuthorizationGrantType.CLIENT_CREDENTIALS));
        boolean refresh = forUsers && row.bool("AllowOfflineAccess", false);
        grants.forEach(client::authorizationGrantType);
        if (refresh) {
            client.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        if (grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
            List<String> redirects = absoluteUris("redirect URI", source.redirectUris(), warnings);
            if (redirects.isEmpty()) {
                throw new IllegalArgumentException("no usable redirect URI for its authorization code flow");
            }
            client.redirectUris(uris -> uris.addAll(redirects));
        }
        client.postLogoutRedirectUris(uris ->
                uris.addAll(absoluteUris("post-logout redirect URI", source.postLogoutRedirectUris(), warnings)));
        Set<String> scopes = scopes(source, warnings);
        if (refresh) {
            // IdentityServer clients ask for offline_access to get a refresh token: keep the request valid
            scopes.add(OFFLINE_ACCESS);
        }
        client.scopes(all -> all.addAll(scopes));
        client.clientSettings(clientSettings(source, grants, warnings));
        client.tokenSettings(TokenLifetimes.tokenSettings(row, refresh, warnings));
        if (!source.corsOrigins().isEmpty()) {
            warnings.add("CORS origins " + source.corsOrigins() + " not carried over: this server has no CORS"
                    + " configuration; allow them at the proxy in front of it");
        }
        return client.build();
    }

    private Set<AuthorizationGrantType> grantTypes(
            IdentityServerData.Client source, boolean confidential, List<String> warnings) {
        Set<AuthorizationGrantType> grants = new LinkedHashSet<>();
        for (String grant : source.grantTypes()) {
            switch (grant) {
                case "authorization_code" -> grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                case "client_credentials" -> {
                    if (confidential) {
                        grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                    } else {
                        warnings.add("grant type client_credentials not carried over: the client has no secret");
                    }
                }
                case "urn:ietf:params:oauth:grant-type:device_code" -> grants.add(AuthorizationGrantType.DEVICE_CODE);
                case "urn:openid:params:grant-type:ciba" -> grants.add(CIBA);
                case "password" -> {
                    grants.add(PASSWORD);
                    if (!passwordGrantEnabled) {
                        warnings.add("grant type password carried over, but this server's password grant is off"
                                + " (authforge.password-grant.enabled)");
                    }
                }
                case "implicit", "hybrid" ->
                    warnings.add("grant type " + grant + " not carried over: this server offers the authorization code"
                            + " flow with PKCE instead (OAuth 2.1)");
                default ->
                    warnings.add("grant type " + grant + " not carried over: an IdentityServer extension grant"
                            + " (token exchange here needs this server's own settings, see the README)");
            }
        }
        if (grants.isEmpty()) {
            throw new IllegalArgumentException(
                    "no grant type this server offers among " + source.grantTypes() + " (see the warnings above)");
        }
        return grants;
    }

    private Set<String> scopes(IdentityServerData.Client source, List<String> warnings) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : source.scopes()) {
            if (scopesOfLocalApis.containsKey(scope)) {
                warnings.add("scope " + scope + " not carried over: it belongs to the API resource "
                        + scopesOfLocalApis.get(scope) + " of this server, which was not imported; give it to the"
                        + " client here if it should have it");
            } else if (STANDARD_IDENTITY_SCOPES.contains(scope) || apiScopes.contains(scope)) {
                scopes.add(scope);
            } else if (customIdentityScopes.contains(scope)) {
                warnings.add("scope " + scope + " not carried over: a custom identity resource (its claims need a"
                        + " mapping in claims/ClaimsMapping)");
            } else if (!scope.equals(OFFLINE_ACCESS)) {
                warnings.add("scope " + scope + " not carried over: no enabled ApiScope, API resource or identity"
                        + " resource of that name in the source");
            }
        }
        return scopes;
    }

    private static ClientSettings clientSettings(
            IdentityServerData.Client source, Set<AuthorizationGrantType> grants, List<String> warnings) {
        SourceRow row = source.row();
        ClientSettings.Builder settings = ClientSettings.builder().setting(ImportedClients.IMPORTED_FROM, SOURCE);
        boolean consent = row.bool("RequireConsent", false);
        settings.requireAuthorizationConsent(consent);
        if (consent && !row.bool("AllowRememberConsent", true)) {
            settings.setting(ConsentSettings.ALWAYS_ASK, true);
        }
        if (row.string("ConsentLifetime") != null) {
            warnings.add("ConsentLifetime not carried over: remembered consents last until the user revokes them");
        }
        if (grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
            settings.requireProofKey(true);
            if (!row.bool("RequirePkce", true)) {
                warnings.add("RequirePkce was off: this server requires PKCE (S256) for every code flow; the client"
                        + " must send a code_challenge");
            } else if (row.bool("AllowPlainTextPkce", false)) {
                warnings.add("AllowPlainTextPkce not carried over: this server accepts S256 code challenges only");
            }
        }
        if (row.bool("RequirePushedAuthorization", false)) {
            settings.setting(REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, true);
        }
        if (row.bool("RequireRequestObject", false)) {
            warnings.add("RequireRequestObject not carried over: register the client's keys here for signed requests");
        }
        if (row.bool("RequireDPoP", false)) {
            warnings.add("RequireDPoP not carried over: this server accepts DPoP but does not require it per client");
        }
        logoutUri(row, "FrontChannelLogoutUri", "frontchannel_logout", settings, warnings);
        logoutUri(row, "BackChannelLogoutUri", "backchannel_logout", settings, warnings);
        return settings.build();
    }

    /** Stored as logout/ reads them: OpenID Connect registration names ({@code frontchannel_logout_uri}, ...). */
    private static void logoutUri(
            SourceRow row, String column, String setting, ClientSettings.Builder settings, List<String> warnings) {
        String uri = row.string(column);
        if (uri == null) {
            return;
        }
        if (!usable(column, uri, warnings)) {
            return;
        }
        settings.setting(setting + "_uri", uri)
                .setting(setting + "_session_required", row.bool(column.replace("Uri", "SessionRequired"), true));
    }

    private static List<String> absoluteUris(String what, List<String> uris, List<String> warnings) {
        List<String> usable = new ArrayList<>();
        for (String uri : uris) {
            if (usable(what, uri, warnings)) {
                usable.add(uri);
            }
        }
        return usable;
    }

    /**
     * Whether a URI the server sends users or codes to carries over: absolute, without fragment, not a scheme a
     * browser runs ({@code javascript:}, {@code data:}, ...). Plain http off loopback is kept with a warning:
     * registration/RegistrationPolicy refuses it from anonymous self-registration, but an imported client is the
     * operator's own, already in use, and dropping its only redirect URI would break it; the operator is told.
     * Private-use schemes of native apps ({@code org.sample.app:/callback}) are kept.
     */
    private static boolean usable(String what, String uri, List<String> warnings) {
        URI parsed = absolute(uri);
        if (parsed == null) {
            warnings.add(what + " " + uri + " not carried over: not an absolute URI without fragment");
            return false;
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (DANGEROUS_SCHEMES.contains(scheme)) {
            warnings.add(what + " " + uri + " not carried over: a " + scheme + ": URI is run or read by the browser,"
                    + " never a place to send users or codes");
            return false;
        }
        String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
            warnings.add(what + " " + uri + " carried over, but it is plain http off loopback: codes and tokens"
                    + " cross the network unencrypted; change it to https");
        }
        return true;
    }

    /** The URI if it is absolute and has no fragment (RFC 6749 3.1.2), else null. */
    static URI absolute(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() && parsed.getRawFragment() == null && !uri.contains("#") ? parsed : null;
        } catch (URISyntaxException ex) {
            return null;
        }
    }
}
