package com.example.authserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.twofactor.TwoFactor;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The console's rules as pure decisions: which paths it covers, where signing in again may return, second factors. */
class AdminAccessRulesTests {

    @Test
    void theRulesCoverAllOfAdminTheRegistrationApiIncluded() {
        assertThat(Stream.of(
                        "/admin",
                        "/admin/",
                        "/admin/keys",
                        "/admin/users/42/roles",
                        "/admin/registration",
                        "/admin/registration/clients"))
                .allMatch(AdminPages::isConsole);
        assertThat(Stream.of("/administrator", "/admins", "/")).noneMatch(AdminPages::isConsole);
        assertThat(Stream.of("/admin/registration", "/admin/registration/initial-tokens"))
                .allMatch(AdminPages::isApi);
        assertThat(Stream.of("/admin", "/admin/registrations", "/admin/users")).noneMatch(AdminPages::isApi);
    }

    @Test
    void signingInAgainReturnsOnlyToPlainConsolePaths() {
        assertThat(Stream.of("/admin", "/admin/keys", "/admin/users/3f2a-9c", "/admin/audit"))
                .allMatch(AdminPages::isReturnPage);
        assertThat(Stream.of(
                        null,
                        "",
                        "//evil.example",
                        "/admin//evil.example",
                        "/admin/../account",
                        "/admin/./keys",
                        "/admin/keys?x=1",
                        "/admin\\evil",
                        "https://evil.example/admin",
                        "/admin/registration/clients",
                        "/admin/" + "a".repeat(101),
                        "/adminx"))
                .noneMatch(AdminPages::isReturnPage);
    }

    @Test
    void aSecondFactorIsAnAuthenticatorCodeOrAPasskey() {
        assertThat(AdminAccessFilter.hasSecondFactor(signedInWith(FactorGrantedAuthority.PASSWORD_AUTHORITY)))
                .isFalse();
        assertThat(AdminAccessFilter.hasSecondFactor(signedInWith(
                        FactorGrantedAuthority.PASSWORD_AUTHORITY,
                        FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)))
                .as("password and an upstream provider: no code, no passkey")
                .isFalse();
        assertThat(AdminAccessFilter.hasSecondFactor(
                        signedInWith(FactorGrantedAuthority.PASSWORD_AUTHORITY, TwoFactor.FACTOR)))
                .isTrue();
        assertThat(AdminAccessFilter.hasSecondFactor(signedInWith(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)))
                .as("a passkey verifies the user too")
                .isTrue();
        Authentication roleOnly = UsernamePasswordAuthenticationToken.authenticated(
                "user", null, List.of(new SimpleGrantedAuthority(TwoFactor.FACTOR)));
        assertThat(AdminAccessFilter.hasSecondFactor(roleOnly))
                .as("only sign-in factors count, not an authority of the same name")
                .isFalse();
    }

    private static Authentication signedInWith(String... factors) {
        List<GrantedAuthority> authorities = Stream.of(factors)
                .map(factor -> (GrantedAuthority) FactorGrantedAuthority.withAuthority(factor)
                        .issuedAt(Instant.now())
                        .build())
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated("user", null, authorities);
    }
}
