package com.example.authserver.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server hashes passwords with Argon2id at OWASP's cost (the tests' contexts use a cheaper one,
 * {@link TestPasswordHashing}), and a hash made at a lower cost is re-hashed at the next sign-in.
 */
class PasswordHashingTests {

    private final PasswordEncoder server = new PasswordHashing().passwordEncoder();

    @Test
    void newHashesAreArgon2idWithOwaspParameters() {
        String hash = server.encode("Correct-Horse-42");

        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(server.matches("Correct-Horse-42", hash)).isTrue();
        assertThat(server.matches("Correct-Horse-43", hash)).isFalse();
        assertThat(server.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void aHashAtALowerCostVerifiesAndIsMarkedForUpgrade() {
        String cheap = TestPasswordHashing.encoder().encode("Correct-Horse-42");

        assertThat(cheap).startsWith("{argon2}$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(server.matches("Correct-Horse-42", cheap)).isTrue();
        assertThat(server.upgradeEncoding(cheap)).isTrue();
    }
}
