package com.example.authserver.security;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityProperties;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.SecurityStamp;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What a signed-in user is, whichever way they signed in: a plain Spring Security {@link User} named by the
 * user id (it becomes the {@code sub} claim and is what authorizations store), with the user's roles, the
 * factors used (each with its time: the ID token's {@code auth_time}) and the security stamp
 * ({@link SecurityStamp}). Sign-in steps that do not go through the form login (the second factor) and pages
 * that change the user's own security settings use it to put the user in the session.
 */
@Component
public class SignedInUsers {

    /** The sign-in page. */
    public static final String LOGIN_PAGE = "/login";

    private final UserManager userManager;

    private final UserLogins userLogins;

    private final IdentityProperties properties;

    private final Clock clock;

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    private final ApplicationEventPublisher events;

    private final SignInEvents signInEvents;

    SignedInUsers(
            UserManager userManager,
            UserLogins userLogins,
            IdentityProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            SignInEvents signInEvents) {
        this.events = events;
        this.signInEvents = signInEvents;
        this.userManager = userManager;
        this.userLogins = userLogins;
        this.properties = properties;
        this.clock = clock;
    }

    /** The filter both filter chains run: it ends sessions whose security stamp is no longer the user's. */
    Filter stampValidation() {
        return new SecurityStampValidation(this, properties, clock);
    }

    /**
     * Whether a sign-in still holds: its user exists, is active, and has the security stamp it signed in with (one
     * query). Checked periodically by {@link SecurityStampValidation}, and at once before a change that needs a
     * recent sign-in (account/RecentSignIn).
     */
    public boolean isCurrent(Authentication signedIn) {
        return userManager
                .findById(signedIn.getName())
                .filter(user -> userManager.isActive(user) && SecurityStamp.isCurrent(signedIn.getAuthorities(), user))
                .isPresent();
    }

    /** The user as signed in with these factors; the roles and the stamp are read now, not from {@code user}. */
    public Authentication authenticationFor(ApplicationUser user, Collection<? extends GrantedAuthority> factors) {
        return authenticationOf(userManager.findById(user.getId()).orElse(user), factors);
    }

    /** As {@link #authenticationFor}, for a user just read from the store. */
    private Authentication authenticationOf(ApplicationUser current, Collection<? extends GrantedAuthority> factors) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        userManager
                .getRoleNames(current)
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(IdentityRole.authority(role))));
        authorities.addAll(factors);
        authorities.add(SecurityStamp.authority(current));
        User principal = new User(current.getId(), "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /**
     * Completes a two-step sign-in once the second factor was right: the failure count starts again, an external
     * login waiting for the sign-in is linked, and the user is signed in with both factors. Empty, and nobody signed
     * in, if the user is gone, disabled or locked out meanwhile.
     */
    public Optional<Authentication> completeSignIn(
            PendingSignIn pending,
            FactorGrantedAuthority secondFactor,
            HttpServletRequest request,
            HttpServletResponse response) {
        PendingSignIn.clear(request);
        Optional<ApplicationUser> user = userManager.findById(pending.userId()).filter(userManager::isActive);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        userManager.resetAccessFailedCount(user.get().getId());
        if (pending.link() != null) { // before the sign-in: a new link renews the stamp the session is signed with
            userLogins.addLogin(
                    user.get(),
                    pending.link().provider(),
                    pending.link().providerKey(),
                    pending.link().providerDisplayName());
        }
        Authentication signedIn = authenticationFor(
                user.get(),
                List.of(
                        FactorGrantedAuthority.withAuthority(pending.firstFactor())
                                .issuedAt(pending.firstFactorAt())
                                .build(),
                        secondFactor));
        signIn(signedIn, request, response);
        signInEvents.succeeded(
                user.get(), SignInEvents.SECOND_FACTOR, pending.firstFactor() + " + " + secondFactor.getAuthority());
        return Optional.of(signedIn);
    }

    /** Puts a completed sign-in into the session, under a new session id (no session fixation). */
    public void signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        new ChangeSessionIdAuthenticationStrategy().onAuthentication(authentication, request, response);
        save(authentication, request, response);
    }

    /**
     * After the signed-in user changed their own security settings (which renewed the stamp): this session goes on
     * with the new stamp and the same factors, while the user's other sessions end.
     */
    public void refresh(String userId, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = contexts.getContext().getAuthentication();
        ApplicationUser user = userManager.findById(userId).orElseThrow();
        List<GrantedAuthority> factors = current.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(GrantedAuthority.class::cast)
                .toList();
        save(authenticationOf(user, factors), request, response);
        request.getSession().removeAttribute(SecurityStampValidation.CHECKED_AT);
        events.publishEvent(new OtherSessionsEnded(userId, request));
    }

    /**
     * The signed-in user proved who they are again ({@code factor}: password, code, provider): the session goes on with
     * that factor's time set to now, which is what a change needing a recent sign-in looks at.
     */
    public void reauthenticated(
            Authentication signedIn, String factor, HttpServletRequest request, HttpServletResponse response) {
        ApplicationUser user = userManager.findById(signedIn.getName()).orElseThrow();
        List<GrantedAuthority> factors = new ArrayList<>(signedIn.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .filter(authority -> !authority.getAuthority().equals(factor))
                .map(GrantedAuthority.class::cast)
                .toList());
        factors.add(FactorGrantedAuthority.withAuthority(factor)
                .issuedAt(clock.instant())
                .build());
        save(authenticationOf(user, factors), request, response);
    }

    /** Ends the sign-in in this session (the session itself, and what else it holds, stays). */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        contexts.clearContext();
        sessions.saveContext(contexts.createEmptyContext(), request, response);
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
