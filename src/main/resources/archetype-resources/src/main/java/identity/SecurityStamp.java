package ${package}.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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

    private SecurityStamp() {
    }

    public static GrantedAuthority authority(IdentityUser user) {
        return new SimpleGrantedAuthority(PREFIX + digest(user.getSecurityStamp()));
    }

    /**
     * False if the authorities carry a stamp that is not the user's stamp now. Authorities without a stamp
     * (granted before this check existed) are not refused.
     */
    public static boolean isCurrent(Collection<? extends GrantedAuthority> authorities, IdentityUser user) {
        String current = PREFIX + digest(user.getSecurityStamp());
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(PREFIX))
                .allMatch(current::equals);
    }

    public static boolean isStamp(GrantedAuthority authority) {
        return authority.getAuthority() != null && authority.getAuthority().startsWith(PREFIX);
    }

    private static String digest(String stamp) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(stamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }
}
