package com.example.authserver.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Token values are stored as their SHA-256 in hex; a token loaded without its value carries a placeholder. */
class TokenHashesTests {

    static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theHashIsTheSha256OfTheValueIn64LowerCaseHexCharacters() {
        assertThat(TokenHashes.hash("abc")).isEqualTo(SHA256_OF_ABC);
        assertThat(TokenHashes.hash("x".repeat(5_000))).matches("[0-9a-f]{64}");
    }

    @Test
    void aNewValueIsStoredAsItsHash() {
        assertThat(TokenHashes.hashToStore("abc")).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void aPlaceholderIsStoredAsTheHashItWasLoadedWith() {
        String placeholder = TokenHashes.placeholder(SHA256_OF_ABC);

        assertThat(placeholder).isEqualTo("{sha256}" + SHA256_OF_ABC);
        assertThat(TokenHashes.isPlaceholder(placeholder)).isTrue();
        assertThat(TokenHashes.hashToStore(placeholder)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void aValueThatOnlyStartsLikeAPlaceholderIsHashedLikeAnyOther() {
        String tooShort = "{sha256}" + SHA256_OF_ABC.substring(1);
        String tooLong = "{sha256}" + SHA256_OF_ABC + "0";

        assertThat(TokenHashes.isPlaceholder(tooShort)).isFalse();
        assertThat(TokenHashes.isPlaceholder(tooLong)).isFalse();
        assertThat(TokenHashes.isPlaceholder(SHA256_OF_ABC)).isFalse();
        assertThat(TokenHashes.hashToStore(tooLong))
                .hasSize(64)
                .isNotEqualTo(SHA256_OF_ABC)
                .isEqualTo(TokenHashes.hash(tooLong));
    }
}
