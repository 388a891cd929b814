package com.example.authserver.passkeys;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserConfirmation;
import com.example.authserver.identity.UserManager;
import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.RecentSignIn.Guarded;
import com.example.authserver.security.SignInEvents;
import com.example.authserver.security.SignedInUsers;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Passkeys in the application filter chain, through Spring Security's {@code http.webAuthn(...)}: its endpoints
 * (used by {@code static/js/passkeys.js}) register a passkey for the signed-in user ({@code POST
 * /webauthn/register/options}, {@code POST /webauthn/register}) and sign in with one, without a password ({@code POST
 * /webauthn/authenticate/options}, {@code POST /login/webauthn}). Spring's provider checks the passkey; the user it
 * belongs to (the user entity's name is the user id) then signs in like every other sign-in ({@link SignedInUsers}),
 * unless disabled, locked out or not confirmed. The device must verify its user (PIN, biometrics: see
 * PasskeyConfiguration), so a passkey counts as both factors: users with two-factor sign-in are signed in too. The
 * second-factor use is {@link PasskeySecondFactorController}; removing passkeys is {@link PasskeysController}
 * (Spring's DELETE endpoint, {@link #REMOVAL_ENDPOINT}, is closed here ({@link #authorize}), as it would not
 * renew the security stamp).
 */
@Component
public class PasskeySignIn implements ApplicationChainContribution {

    /** Spring Security's endpoint for removing a passkey, which the application chain denies. */
    public static final String REMOVAL_ENDPOINT = "/webauthn/register/**";

    private final WebAuthnRelyingPartyOperations ceremonies;

    private final UserManager userManager;

    private final ObjectProvider<UserConfirmation> confirmation;

    private final SignedInUsers signedInUsers;

    private final Clock clock;

    private final SignInEvents signInEvents;

    PasskeySignIn(
            WebAuthnRelyingPartyOperations ceremonies,
            UserManager userManager,
            ObjectProvider<UserConfirmation> confirmation,
            SignedInUsers signedInUsers,
            Clock clock,
            SignInEvents signInEvents) {
        this.signInEvents = signInEvents;
        this.ceremonies = ceremonies;
        this.userManager = userManager;
        this.confirmation = confirmation;
        this.signedInUsers = signedInUsers;
        this.clock = clock;
    }

    /** Spring's DELETE endpoint would not ask for a recent sign-in: closed (PasskeysController removes them). */
    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.DELETE, REMOVAL_ENDPOINT).denyAll();
    }

    /** Registering a passkey (the browser script asks for the options first, as JSON) needs a recent sign-in. */
    @Override
    public List<Guarded> recentSignInRequired() {
        return List.of(Guarded.json("/webauthn/register/options", PasskeysController.PAGE));
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        UserDetailsService users = this::passkeyOwner;
        http.setSharedObject(UserDetailsService.class, users);
        AuthenticationProvider signIn = new SignInProvider(new WebAuthnAuthenticationProvider(ceremonies, users));
        // the relying party (id, name, origins) and the JDBC repositories are beans (PasskeyConfiguration)
        http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new SessionCreationOptionsRepository())
                .messageConverter(new PasskeyJson())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(new ProviderManager(signIn));
                        filter.setConverter(new PasskeyJson());
                        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                        return filter;
                    }
                }));
    }

    /** Spring's provider asks for the passkey's user by the user entity's name: the user id. */
    private User passkeyOwner(String userId) {
        ApplicationUser user = userManager
                .findById(userId)
                .orElseThrow(() -> new UsernameNotFoundException("No user for this passkey"));
        return new User(user.getId(), "", List.of());
    }

    /** Spring's check of the passkey, then the user as every sign-in makes them. */
    private final class SignInProvider implements AuthenticationProvider {

        private final AuthenticationProvider passkeyCheck;

        SignInProvider(AuthenticationProvider passkeyCheck) {
            this.passkeyCheck = passkeyCheck;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String userId;
            try {
                userId = passkeyCheck.authenticate(authentication).getName();
            } catch (AuthenticationException refused) {
                signInEvents.failed(null, null, SignInEvents.PASSKEY, "passkey not accepted");
                throw refused;
            }
            ApplicationUser user = userManager.findById(userId).orElseThrow(() -> new DisabledException("Deleted"));
            UserConfirmation rule = confirmation.getIfAvailable();
            if (!userManager.isActive(user) || (rule != null && !rule.isConfirmed(user))) {
                signInEvents.failed(
                        user, user.getUserName(), SignInEvents.PASSKEY, "disabled, locked out or not confirmed");
                throw new DisabledException("Account disabled, locked out or not confirmed");
            }
            signInEvents.succeeded(user, SignInEvents.PASSKEY, null);
            return signedInUsers.authenticationFor(
                    user,
                    List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                            .issuedAt(clock.instant())
                            .build()));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
        }
    }
}
