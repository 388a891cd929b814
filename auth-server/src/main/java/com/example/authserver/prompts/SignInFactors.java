package com.example.authserver.prompts;

import com.example.authserver.twofactor.TwoFactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * What a sign-in was made of, read from the {@link FactorGrantedAuthority factors} of its authentication (the session's,
 * or the one an authorization stored when its code was issued): the methods as {@code amr} values (RFC 8176), the
 * level as an {@code acr} value, and the time of the latest factor ({@code auth_time}).
 */
record SignInFactors(List<FactorGrantedAuthority> factors) {

    /** One factor: a password, a passkey, or an upstream provider's sign-in. */
    static final String SINGLE_FACTOR = "1fa";

    /** Two factors of different kinds: the password or a provider, then a code or a passkey. */
    static final String MULTI_FACTOR = "mfa";

    static final List<String> ACR_VALUES = List.of(SINGLE_FACTOR, MULTI_FACTOR);

    /**
     * The amr value of each factor. A passkey is {@code swk}: a browser does not tell whether the key lives in
     * hardware ({@code hwk}) without attestation, which the relying party does not ask for.
     */
    private static final Map<String, String> METHODS = Map.of(
            FactorGrantedAuthority.PASSWORD_AUTHORITY, "pwd",
            TwoFactor.FACTOR, "otp",
            FactorGrantedAuthority.WEBAUTHN_AUTHORITY, "swk",
            FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, "fed");

    static SignInFactors of(Authentication authentication) {
        if (authentication == null) {
            return new SignInFactors(List.of());
        }
        return new SignInFactors(authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast)
                .sorted(Comparator.comparing(FactorGrantedAuthority::getIssuedAt))
                .toList());
    }

    boolean isEmpty() {
        return factors.isEmpty();
    }

    boolean multiFactor() {
        return factors.stream()
                        .map(FactorGrantedAuthority::getAuthority)
                        .distinct()
                        .count()
                >= 2;
    }

    /** The methods in the order they were used, then {@code mfa} when there were two. */
    List<String> amr() {
        List<String> amr = new ArrayList<>();
        factors.forEach(factor -> {
            String method = METHODS.get(factor.getAuthority());
            if (method != null && !amr.contains(method)) {
                amr.add(method);
            }
        });
        if (multiFactor()) {
            amr.add(MULTI_FACTOR);
        }
        return amr;
    }

    String acr() {
        return multiFactor() ? MULTI_FACTOR : SINGLE_FACTOR;
    }

    /** The latest factor's time: the last time the user proved who they are. */
    Optional<Instant> authTime() {
        return factors.stream().map(FactorGrantedAuthority::getIssuedAt).max(Instant::compareTo);
    }

    /** The factor the sign-in started with, which a second factor completes. */
    Optional<FactorGrantedAuthority> first() {
        return factors.stream().findFirst();
    }

    /**
     * Whether this sign-in satisfies the request's {@code acr_values} (a voluntary claim: any one of the values will do,
     * and values this server does not know are ignored).
     */
    boolean satisfies(List<String> acrValues) {
        List<String> known = acrValues.stream().filter(ACR_VALUES::contains).toList();
        return known.isEmpty() || known.contains(SINGLE_FACTOR) || multiFactor();
    }
}
