package com.example.authserver.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the user store keeps of the secrets it only compares (link tokens, recovery codes, stamps' digests). */
class Sha256Tests {

    @Test
    void isTheSha256OfTheUtf8BytesInBase64UrlWithoutPadding() {
        // FIPS 180-2's test vector "abc", and a text whose UTF-8 bytes differ from ISO-8859-1's
        assertThat(Sha256.base64Url("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
        assertThat(Sha256.base64Url("Gr\u00fc\u00dfe")).isEqualTo("-D4Dl5bGRToQ9VGeOf0ROQFXIxahqOoHy1JdKAHf0HQ");
    }

    @Test
    void everyDigestIs43UrlSafeCharacters() {
        assertThat(Sha256.base64Url("")).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        assertThat(Sha256.base64Url("x".repeat(10_000))).matches("[A-Za-z0-9_-]{43}");
    }
}
