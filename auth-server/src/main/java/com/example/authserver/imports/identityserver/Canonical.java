package com.example.authserver.imports.identityserver;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

/**
 * The canonical text of what an import writes, whose digest {@code imports/ImportedRows} records: the same client or
 * consent gives the same text whatever the order of its sets and settings, and whether it was just built or read
 * back from the database. Ids and dates of issue are left out: they are this server's, not the source's.
 */
final class Canonical {

    private Canonical() {}

    static String of(RegisteredClient client) {
        return String.join(
                "\n",
                client.getClientId(),
                client.getClientName(),
                String.valueOf(client.getClientSecret()),
                client.getClientSecretExpiresAt() == null
                        ? "-"
                        : String.valueOf(client.getClientSecretExpiresAt().getEpochSecond()),
                sorted(client.getClientAuthenticationMethods().stream()
                        .map(method -> method.getValue())
                        .toList()),
                sorted(client.getAuthorizationGrantTypes().stream()
                        .map(grant -> grant.getValue())
                        .toList()),
                sorted(client.getRedirectUris()),
                sorted(client.getPostLogoutRedirectUris()),
                sorted(client.getScopes()),
                settings(client.getClientSettings().getSettings()),
                settings(client.getTokenSettings().getSettings()));
    }

    static String of(OAuth2AuthorizationConsent consent) {
        return String.join(
                "\n",
                consent.getRegisteredClientId(),
                consent.getPrincipalName(),
                sorted(consent.getAuthorities().stream()
                        .map(authority -> authority.getAuthority())
                        .toList()));
    }

    static String sorted(Collection<String> values) {
        return String.join(" ", new TreeSet<>(values));
    }

    private static String settings(Map<String, Object> settings) {
        return new TreeMap<>(settings)
                .entrySet().stream()
                        .map(setting -> setting.getKey() + "=" + text(setting.getValue()))
                        .collect(Collectors.joining(","));
    }

    private static String text(Object value) {
        return value instanceof OAuth2TokenFormat format ? format.getValue() : String.valueOf(value);
    }
}
