package com.example.authserver.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;

/**
 * The public keys of {@link SigningKeyRing#publishedKeys()}: what the JWKS endpoint ({@code /oauth2/jwks})
 * publishes and what the server's own {@code JwtDecoder} (UserInfo bearer tokens) verifies with. Never a
 * private key: signing goes through {@link SigningKeyJwtEncoder}.
 */
class PublishedKeySource implements JWKSource<SecurityContext> {

    private final SigningKeyRing ring;

    PublishedKeySource(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> matches = selector.select(publicKeys());
        if (matches.isEmpty()
                && selector.getMatcher().getKeyIDs() != null
                && !selector.getMatcher().getKeyIDs().isEmpty()) {
            ring.reloadForUnknownKey();
            matches = selector.select(publicKeys());
        }
        return matches;
    }

    private JWKSet publicKeys() {
        return new JWKSet(
                ring.publishedKeys().stream().map(SigningKey::publicJwk).toList());
    }
}
