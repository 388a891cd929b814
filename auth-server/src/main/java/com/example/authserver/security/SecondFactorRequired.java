package com.example.authserver.security;

import org.springframework.security.core.AuthenticationException;

/** The password was right, and the user signs in with a second factor too: not signed in yet. */
public class SecondFactorRequired extends AuthenticationException {

    private final transient PendingSignIn pending;

    SecondFactorRequired(PendingSignIn pending) {
        super("A second factor is required");
        this.pending = pending;
    }

    PendingSignIn pending() {
        return pending;
    }
}
