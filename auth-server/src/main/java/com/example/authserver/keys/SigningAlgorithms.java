package com.example.authserver.keys;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The JWS algorithms ID tokens are signed with, for the discovery document's
 * {@code id_token_signing_alg_values_supported}: the signing key's, and the next key's while one waits.
 */
@Component
public class SigningAlgorithms {

    private final SigningKeyRing ring;

    SigningAlgorithms(SigningKeyRing ring) {
        this.ring = ring;
    }

    /** For example {@code [RS256]}, or {@code [RS256, ES256]} while a change of algorithm propagates. */
    public List<String> current() {
        SigningKey signing = ring.signingKey();
        Stream<SigningKey> next = ring.publishedKeys().stream().filter(key -> key.generation() > signing.generation());
        return Stream.concat(Stream.of(signing), next)
                .map(key -> key.algorithm().name())
                .distinct()
                .toList();
    }
}
