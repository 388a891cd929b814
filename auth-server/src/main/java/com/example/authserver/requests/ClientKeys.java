package com.example.authserver.requests;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The public keys a client signs its request objects with: its registered JWK Set, inline ({@link
 * RequestSettings#JWKS}) or at its {@code jwks_uri}. A {@code jwks_uri} is fetched with short timeouts and a size
 * limit, so a slow or hostile host cannot hold the authorization endpoint, and cached (Nimbus' defaults: five minutes,
 * fetched again at once, at most every 30 seconds, when a request names a key it does not know, as after a rotation).
 */
@Component
class ClientKeys {

    private static final int TIMEOUT_MILLIS = 2_000;

    private static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private final Map<String, JWKSource<SecurityContext>> byUrl = new ConcurrentHashMap<>();

    /** The client's keys, or {@code null} if it registered none (or none that can be read). */
    JWKSource<SecurityContext> of(RegisteredClient client) {
        String inline = RequestSettings.jwks(client);
        if (inline != null) {
            try {
                // public keys only, whatever was pasted into the setting
                return new ImmutableJWKSet<>(JWKSet.parse(inline).toPublicJWKSet());
            } catch (ParseException unreadable) {
                return null;
            }
        }
        String url = client.getClientSettings().getJwkSetUrl();
        if (!StringUtils.hasText(url)) {
            return null;
        }
        JWKSource<SecurityContext> cached = byUrl.get(url);
        if (cached != null) {
            return cached;
        }
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                return null;
            }
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(
                            uri.toURL(), new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
                    .build();
            JWKSource<SecurityContext> earlier = byUrl.putIfAbsent(url, source);
            return earlier != null ? earlier : source;
        } catch (IllegalArgumentException | MalformedURLException unusable) {
            return null;
        }
    }
}
