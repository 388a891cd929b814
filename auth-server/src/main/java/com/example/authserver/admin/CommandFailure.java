package com.example.authserver.admin;

/** Why the {@code admin} command stops: one line for the person at the console, no stack trace. */
class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }
}
