package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.AspNetIdentityPasswordEncoder;

/**
 * ASP.NET Core Identity password hashes as this server keeps them: the source's {@code PasswordHash} behind the
 * {@code {aspnet}} prefix of its encoder (identity/PasswordHashing). A hash that encoder could never verify fails its
 * row at import time instead of failing the user's sign-in later: the check is the encoder's own
 * ({@link AspNetIdentityPasswordEncoder#formatProblem}), with the limits it verifies with.
 */
final class AspNetPasswordHashes {

    static final String PREFIX = "{aspnet}";

    private AspNetPasswordHashes() {}

    /** Why the stored hash cannot be verified here, or null if it can. */
    static String problem(String base64) {
        String problem = AspNetIdentityPasswordEncoder.formatProblem(base64);
        return problem == null ? null : "PasswordHash cannot be verified here: " + problem;
    }
}
