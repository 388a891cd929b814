package com.example.authserver.identity;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How user passwords are hashed: Argon2id with the OWASP Password Storage Cheat Sheet's
 * parameters (19 MiB memory, 2 iterations, 1 lane). Hashes are stored with an {@code {id}} prefix,
 * so bcrypt and PBKDF2 hashes (for example imported ones) and ASP.NET Core Identity's hashes ({@code {aspnet}},
 * see {@link AspNetIdentityPasswordEncoder}) still verify and are upgraded to Argon2id at the next successful sign-in.
 * <p>
 * Client secrets are not hashed here: see {@code clients/ClientSecretHashing}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    private static final String ARGON2 = "argon2";

    /** OWASP's Argon2id cost: 19 MiB of memory, 2 passes, 1 lane (16-byte salt, 32-byte hash). */
    static final int MEMORY_KIB = 19 * 1024;

    static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        return withArgon2(new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS));
    }

    /** The encoder for every stored hash, new ones made by {@code argon2}. */
    static PasswordEncoder withArgon2(Argon2PasswordEncoder argon2) {
        Map<String, PasswordEncoder> encoders = Map.of(
                ARGON2,
                argon2,
                "bcrypt",
                new BCryptPasswordEncoder(),
                "pbkdf2",
                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                AspNetIdentityPasswordEncoder.ID,
                new AspNetIdentityPasswordEncoder());
        return new DelegatingPasswordEncoder(ARGON2, encoders);
    }
}
