package ${package}.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ${package}.identity.ApplicationUser;
import ${package}.identity.PasswordCheckResult;
import ${package}.identity.UserManager;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;

/**
 * Signs a user in with user name (or email) and password through {@link UserManager}, so every
 * password check counts towards lockout. The principal is a plain Spring Security {@link User}
 * whose name is the user's id: it becomes the {@code sub} claim, and it is what the authorization
 * store serializes (never the {@link ApplicationUser} entity).
 */
@Component
class PasswordSignInProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Invalid user name or password";

    private final UserManager userManager;

    private final Clock clock;

    PasswordSignInProvider(UserManager userManager, Clock clock) {
        this.userManager = userManager;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        ApplicationUser user = userManager.findByName(login)
                .or(() -> login.contains("@") ? userManager.findByEmail(login) : Optional.empty())
                .orElse(null);
        if (user == null) {
            userManager.simulatePasswordCheck(password);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        PasswordCheckResult result = userManager.checkPassword(user.getId(), password);
        if (result == PasswordCheckResult.LOCKED_OUT) {
            throw new LockedException("Account locked out");
        }
        if (result != PasswordCheckResult.SUCCESS) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        userManager.getRoleNames(user).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        // records how and when the user signed in: the ID token's auth_time comes from it
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(clock.instant()).build());
        User principal = new User(user.getId(), "", authorities);
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                authorities);
        signedIn.setDetails(authentication.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
