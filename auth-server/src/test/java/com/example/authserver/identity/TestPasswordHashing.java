package com.example.authserver.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The tests' password encoder: the server's ({@link PasswordHashing}), with Argon2id at a test cost (64 KiB, one
 * pass) instead of OWASP's 19 MiB and two passes. The tests sign in, register and change passwords thousands of times,
 * and at the real cost the hash took a third of the suite's CPU. Hashes stay {@code {argon2}} Argon2id, every other
 * format still verifies, and {@link PasswordHashingTests} checks the server's own cost.
 */
public final class TestPasswordHashing {

    private TestPasswordHashing() {}

    public static PasswordEncoder encoder() {
        return PasswordHashing.withArgon2(new Argon2PasswordEncoder(16, 32, 1, 64, 1));
    }
}
