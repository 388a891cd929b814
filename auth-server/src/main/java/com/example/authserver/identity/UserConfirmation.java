package com.example.authserver.identity;

/**
 * Whether a user has confirmed what sign-in requires, as ASP.NET Core Identity's {@code IUserConfirmation}:
 * {@link UserManager#checkPassword} answers {@link PasswordCheckResult#NOT_CONFIRMED} for a right password
 * when this says no. Without such a bean every user counts as confirmed. The account pages provide one
 * ({@code account/ConfirmedEmailRequirement}, switched by {@code authforge.account.require-confirmed-email}).
 */
public interface UserConfirmation {

    boolean isConfirmed(ApplicationUser user);
}
