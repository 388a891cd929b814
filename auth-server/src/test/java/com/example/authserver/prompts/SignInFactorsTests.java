package com.example.authserver.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** amr and acr for each way of signing in, without a server (the server tests cover password and code end to end). */
class SignInFactorsTests {

    static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void anUpstreamProviderIsFed() {
        SignInFactors factors = factors(factor(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, T0));

        assertThat(factors.amr()).containsExactly("fed");
        assertThat(factors.acr()).isEqualTo("1fa");
    }

    @Test
    void anUpstreamProviderThenACodeIsFedOtpMfa() {
        SignInFactors factors = factors(
                factor("FACTOR_TOTP", T0.plusSeconds(20)),
                factor(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, T0));

        assertThat(factors.amr()).containsExactly("fed", "otp", "mfa");
        assertThat(factors.acr()).isEqualTo("mfa");
        assertThat(factors.authTime()).contains(T0.plusSeconds(20));
    }

    @Test
    void aPasskeyIsSwkAndAsSecondFactorMakesMfa() {
        assertThat(factors(factor(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, T0))
                        .amr())
                .containsExactly("swk");
        assertThat(factors(
                                factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0),
                                factor(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, T0.plusSeconds(5)))
                        .amr())
                .containsExactly("pwd", "swk", "mfa");
    }

    @Test
    void acrValuesAreMetByAnyOneKnownValueAndUnknownOnesAreIgnored() {
        SignInFactors one = factors(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0));

        assertThat(one.satisfies(List.of())).isTrue();
        assertThat(one.satisfies(List.of("urn:other:gold"))).isTrue();
        assertThat(one.satisfies(List.of("mfa", "1fa"))).isTrue();
        assertThat(one.satisfies(List.of("mfa"))).isFalse();
        assertThat(one.satisfies(List.of("mfa", "urn:other:gold"))).isFalse();
    }

    @Test
    void otherAuthoritiesAreNotFactors() {
        SignInFactors factors = SignInFactors.of(UsernamePasswordAuthenticationToken.authenticated(
                "user", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));

        assertThat(factors.isEmpty()).isTrue();
        assertThat(factors.amr()).isEmpty();
    }

    private static SignInFactors factors(GrantedAuthority... authorities) {
        return SignInFactors.of(UsernamePasswordAuthenticationToken.authenticated("user", null, List.of(authorities)));
    }

    private static GrantedAuthority factor(String authority, Instant at) {
        return FactorGrantedAuthority.withAuthority(authority).issuedAt(at).build();
    }
}
