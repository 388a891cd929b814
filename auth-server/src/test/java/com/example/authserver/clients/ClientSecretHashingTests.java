package com.example.authserver.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client secrets hashed as IdentityServer hashes them, so that secrets brought over from it stay valid. */
class ClientSecretHashingTests {

    final ClientSecretHashing hashing = new ClientSecretHashing();

    @Test
    void identityServersSha256OfASecretMatchesThatSecret() {
        // "secret".Sha256() in IdentityServer's samples
        String stored = ClientSecretHashing.SHA256_PREFIX + "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=";

        assertThat(hashing.matches("secret", stored)).isTrue();
        assertThat(hashing.matches("Secret", stored)).isFalse();
        assertThat(hashing.encode("secret")).isEqualTo(stored);
    }

    @Test
    void identityServersSha512OfASecretMatchesThatSecret() {
        // "secret".Sha512()
        String stored = ClientSecretHashing.SHA512_PREFIX
                + "vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg==";

        assertThat(hashing.matches("secret", stored)).isTrue();
        assertThat(hashing.matches("secret ", stored)).isFalse();
        assertThat(hashing.matches("secret", ClientSecretHashing.SHA512_PREFIX + "not base64!"))
                .isFalse();
        assertThat(hashing.matches(
                        "secret", ClientSecretHashing.SHA512_PREFIX + "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="))
                .as("a SHA-256 hash under the SHA-512 prefix")
                .isFalse();
    }

    @Test
    void newSecretsAreAlwaysHashedWithSha256() {
        assertThat(hashing.encode("another secret")).startsWith(ClientSecretHashing.SHA256_PREFIX);
    }
}
