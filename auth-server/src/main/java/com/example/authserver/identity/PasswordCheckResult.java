package com.example.authserver.identity;

/**
 * The outcome of {@link UserManager#checkPassword}. {@code NOT_CONFIRMED}: the password was right, but a
 * {@link UserConfirmation} says the user may not sign in yet (an unconfirmed email address, for example).
 */
public enum PasswordCheckResult {
    SUCCESS,
    FAILED,
    LOCKED_OUT,
    NOT_CONFIRMED
}
