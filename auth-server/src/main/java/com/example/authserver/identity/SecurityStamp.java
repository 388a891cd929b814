package com.example.authserver.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Ties a session, and every authorization granted in it, to the user's security stamp. A sign-in adds
 * {@link #authority} (a digest of the stamp, never the stamp itself) to the user's authorities; the session
 * check ({@code security/SecurityStampValidation}) and the token check ({@code claims/TokenClaims}) compare
 * it with the stamp the user has now. Changing the password, email, two-factor settings or external logins
 * renews the stamp ({@link UserManager#updateSecurity}), so sessions and refresh tokens from before stop working.
 */
public final class SecurityStamp {

    static final String PREFIX = "SECURITY_STAMP_";

    private SecurityStamp() {}

    public static GrantedAuthority authority(IdentityUser user) {
        return new SimpleGrantedAuthority(name(user));
    }

    /**
     * False if the authorities carry a stamp that is not the user's stamp now. Authorities without a stamp
     * (granted before this check existed) are not refused.
     */
    public static boolean isCurrent(Collection<? extends GrantedAuthority> authorities, IdentityUser user) {
        String current = name(user);
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(PREFIX))
                .allMatch(current::equals);
    }

    public static boolean isStamp(GrantedAuthority authority) {
        return authority.getAuthority() != null && authority.getAuthority().startsWith(PREFIX);
    }

    /** The authority's name: a 132-bit digest of the stamp, never the stamp itself. */
    private static String name(IdentityUser user) {
        return PREFIX + Sha256.base64Url(user.getSecurityStamp()).substring(0, 22);
    }
}
