package com.example.authserver.security;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.PasswordCheckResult;
import com.example.authserver.identity.UserManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs a user in with user name (or email) and password through {@link UserManager}, so every
 * password check counts towards lockout. The signed-in user is what {@link SignedInUsers} makes of
 * the {@link ApplicationUser}; a user with two-factor sign-in is not signed in yet but sent on to the
 * second step ({@link SecondFactorRequired}, {@link SignInFailureHandler}). The opt-in password grant
 * (passwordgrant) checks passwords with it too, so that its rules are this page's.
 */
@Component
public class PasswordSignInProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Invalid user name or password";

    private final UserManager userManager;

    private final SignedInUsers signedInUsers;

    private final Clock clock;

    private final SignInEvents signInEvents;

    PasswordSignInProvider(
            UserManager userManager, SignedInUsers signedInUsers, Clock clock, SignInEvents signInEvents) {
        this.userManager = userManager;
        this.signedInUsers = signedInUsers;
        this.clock = clock;
        this.signInEvents = signInEvents;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String password = authentication.getCredentials() == null
                ? null
                : authentication.getCredentials().toString();
        ApplicationUser user = userManager.findByNameOrEmail(login).orElse(null);
        if (user == null) {
            userManager.simulatePasswordCheck(password);
            signInEvents.failed(null, login, SignInEvents.PASSWORD, "unknown user");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        PasswordCheckResult result = userManager.checkPassword(user.getId(), password);
        if (result == PasswordCheckResult.LOCKED_OUT) {
            signInEvents.failed(user, login, SignInEvents.PASSWORD, "locked out");
            throw new LockedException("Account locked out");
        }
        if (result != PasswordCheckResult.SUCCESS) {
            signInEvents.failed(
                    user,
                    login,
                    SignInEvents.PASSWORD,
                    result == PasswordCheckResult.NOT_CONFIRMED ? "email not confirmed" : "wrong password");
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!user.isEnabled()) {
            signInEvents.failed(user, login, SignInEvents.PASSWORD, "disabled");
            throw new DisabledException("Account disabled");
        }
        Instant now = clock.instant();
        if (user.isTwoFactorEnabled()) {
            throw new SecondFactorRequired(
                    new PendingSignIn(user.getId(), FactorGrantedAuthority.PASSWORD_AUTHORITY, now));
        }
        // records how and when the user signed in: the ID token's auth_time comes from it
        Authentication signedIn = signedInUsers.authenticationFor(
                user,
                List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(now)
                        .build()));
        ((UsernamePasswordAuthenticationToken) signedIn).setDetails(authentication.getDetails());
        signInEvents.succeeded(user, SignInEvents.PASSWORD, null);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
