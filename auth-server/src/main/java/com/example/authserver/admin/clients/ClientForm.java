package com.example.authserver.admin.clients;

import com.example.authserver.clients.Clients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * A client as the console edits it: what it may do (grant types), where it may send users back to, its scopes, the
 * lifetimes of its tokens and its consent and PKCE settings. There is no secret field: secrets are made by the server
 * only ({@code clients/ClientSecretRotation}). The rules are in {@link ClientFormRules}.
 */
public class ClientForm {

    /** The grant types the console offers; others a client has (token exchange, CIBA, ...) are kept as they are. */
    static final List<String> GRANT_TYPES = List.of(
            AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(),
            AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(),
            AuthorizationGrantType.DEVICE_CODE.getValue());

    private String clientId = "";

    private String clientName = "";

    private boolean publicClient;

    private List<String> grantTypes = new ArrayList<>(List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()));

    private String redirectUris = "";

    private String postLogoutRedirectUris = "";

    private String scopes = "openid profile";

    private Integer accessTokenMinutes = 15;

    private Integer refreshTokenDays = 30;

    private Integer authorizationCodeMinutes = 5;

    private boolean requireConsent = true;

    private boolean requirePkce = true;

    /** The client as it was read ({@link #stampOf}): an edit made from an older read is refused. */
    private String stamp = "";

    /** The form filled in with the client as stored. */
    static ClientForm of(RegisteredClient client) {
        ClientForm form = new ClientForm();
        form.clientId = client.getClientId();
        form.clientName = client.getClientName();
        form.publicClient = isPublic(client);
        form.grantTypes = client.getAuthorizationGrantTypes().stream()
                .map(AuthorizationGrantType::getValue)
                .filter(GRANT_TYPES::contains)
                .sorted()
                .toList();
        form.redirectUris = String.join("\n", new TreeSet<>(client.getRedirectUris()));
        form.postLogoutRedirectUris = String.join("\n", new TreeSet<>(client.getPostLogoutRedirectUris()));
        form.scopes = String.join(" ", new TreeSet<>(client.getScopes()));
        TokenSettings tokens = client.getTokenSettings();
        form.accessTokenMinutes = (int) tokens.getAccessTokenTimeToLive().toMinutes();
        form.refreshTokenDays = (int) tokens.getRefreshTokenTimeToLive().toDays();
        form.authorizationCodeMinutes =
                (int) tokens.getAuthorizationCodeTimeToLive().toMinutes();
        form.requireConsent = client.getClientSettings().isRequireAuthorizationConsent();
        form.requirePkce = client.getClientSettings().isRequireProofKey();
        form.stamp = stampOf(client);
        return form;
    }

    static boolean isPublic(RegisteredClient client) {
        return client.getClientAuthenticationMethods().equals(Set.of(ClientAuthenticationMethod.NONE));
    }

    /** A fingerprint of everything stored about the client, its secret hash included. */
    static String stampOf(RegisteredClient client) {
        return Integer.toHexString(client.hashCode());
    }

    /** A new client from the form: a confidential one gets {@code secretHash}, a public one authenticates with none. */
    RegisteredClient newClient(String secretHash, Instant now) {
        RegisteredClient.Builder client = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId(clientId.strip())
                .clientIdIssuedAt(now)
                .clientName(clientName.strip());
        if (publicClient) {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            client.clientSecret(secretHash)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        apply(client, ClientSettings.builder().build(), Clients.userTokens().build());
        return client.build();
    }

    /** The client with the form's changes; what the console does not edit stays as it is. */
    RegisteredClient applyTo(RegisteredClient existing) {
        RegisteredClient.Builder client = RegisteredClient.from(existing).clientName(clientName.strip());
        apply(client, existing.getClientSettings(), existing.getTokenSettings());
        return client.build();
    }

    private void apply(RegisteredClient.Builder client, ClientSettings settings, TokenSettings tokens) {
        client.authorizationGrantTypes(grants -> {
            grants.removeIf(grant -> GRANT_TYPES.contains(grant.getValue()));
            grantTypes.forEach(grant -> grants.add(new AuthorizationGrantType(grant)));
        });
        client.redirectUris(uris -> {
            uris.clear();
            uris.addAll(ClientFormRules.lines(redirectUris));
        });
        client.postLogoutRedirectUris(uris -> {
            uris.clear();
            uris.addAll(ClientFormRules.lines(postLogoutRedirectUris));
        });
        client.scopes(all -> {
            all.clear();
            all.addAll(ClientFormRules.words(scopes));
        });
        client.clientSettings(ClientSettings.withSettings(settings.getSettings())
                .requireAuthorizationConsent(requireConsent)
                .requireProofKey(requirePkce || publicClient)
                .build());
        client.tokenSettings(TokenSettings.withSettings(tokens.getSettings())
                .accessTokenTimeToLive(Duration.ofMinutes(accessTokenMinutes))
                .refreshTokenTimeToLive(Duration.ofDays(refreshTokenDays))
                .authorizationCodeTimeToLive(Duration.ofMinutes(authorizationCodeMinutes))
                .build());
    }

    Set<String> grantTypeSet() {
        return new LinkedHashSet<>(grantTypes == null ? List.of() : grantTypes);
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId;
    }

    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName == null ? "" : clientName;
    }

    public boolean isPublicClient() {
        return publicClient;
    }

    public void setPublicClient(boolean publicClient) {
        this.publicClient = publicClient;
    }

    public List<String> getGrantTypes() {
        return grantTypes;
    }

    public void setGrantTypes(List<String> grantTypes) {
        this.grantTypes = grantTypes == null ? new ArrayList<>() : grantTypes;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris == null ? "" : redirectUris;
    }

    public String getPostLogoutRedirectUris() {
        return postLogoutRedirectUris;
    }

    public void setPostLogoutRedirectUris(String postLogoutRedirectUris) {
        this.postLogoutRedirectUris = postLogoutRedirectUris == null ? "" : postLogoutRedirectUris;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes == null ? "" : scopes;
    }

    public Integer getAccessTokenMinutes() {
        return accessTokenMinutes;
    }

    public void setAccessTokenMinutes(Integer accessTokenMinutes) {
        this.accessTokenMinutes = accessTokenMinutes;
    }

    public Integer getRefreshTokenDays() {
        return refreshTokenDays;
    }

    public void setRefreshTokenDays(Integer refreshTokenDays) {
        this.refreshTokenDays = refreshTokenDays;
    }

    public Integer getAuthorizationCodeMinutes() {
        return authorizationCodeMinutes;
    }

    public void setAuthorizationCodeMinutes(Integer authorizationCodeMinutes) {
        this.authorizationCodeMinutes = authorizationCodeMinutes;
    }

    public boolean isRequireConsent() {
        return requireConsent;
    }

    public void setRequireConsent(boolean requireConsent) {
        this.requireConsent = requireConsent;
    }

    public boolean isRequirePkce() {
        return requirePkce;
    }

    public void setRequirePkce(boolean requirePkce) {
        this.requirePkce = requirePkce;
    }

    public String getStamp() {
        return stamp;
    }

    public void setStamp(String stamp) {
        this.stamp = stamp == null ? "" : stamp;
    }
}
