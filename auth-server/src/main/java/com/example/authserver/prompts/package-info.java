/**
 * How a client asks for a particular sign-in, and what tokens say of the sign-in: {@code prompt}, {@code max_age},
 * {@code login_hint}, {@code id_token_hint} and {@code acr_values} on authorization requests ({@link PromptContribution},
 * {@link SignInRequirements}), {@code amr}, {@code acr} and {@code auth_time} in ID tokens ({@link SignInClaims}), the
 * "continue as" page ({@link SelectAccountController}) and the diagnostics page ({@link DiagnosticsController}).
 */
package com.example.authserver.prompts;
