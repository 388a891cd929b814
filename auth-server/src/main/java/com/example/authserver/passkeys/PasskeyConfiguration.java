package com.example.authserver.passkeys;

import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.SecurityNotices;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Where passkeys are kept and checked: Spring Security's JDBC repositories on the tables of the identity migration
 * {@code V1_1__identity_baseline.sql}, and its WebAuthn ceremonies (webauthn4j) for {@link RelyingParty}.
 * {@code http.webAuthn(...)} ({@link PasskeySignIn}) picks these beans up.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    JdbcPublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    JdbcUserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyCeremonies(
            JdbcPublicKeyCredentialUserEntityRepository userEntities,
            JdbcUserCredentialRepository credentials,
            RelyingParty relyingParty,
            UserManager userManager,
            SecurityNotices notices) {
        // no fixed origins here: the WebAuthn manager checks RelyingParty's at each ceremony
        Webauthn4JRelyingPartyOperations ceremonies = new Webauthn4JRelyingPartyOperations(
                userEntities,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(relyingParty.id())
                        .name(relyingParty.name())
                        .build(),
                Set.of());
        ceremonies.setWebAuthnManager(relyingParty.webAuthnManager());
        // the device checks its user (screen lock, biometrics) at registration and at every sign-in: a passkey is
        // then two factors in one, and passwordless sign-in needs no second step (Spring's default only prefers it)
        ceremonies.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        ceremonies.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return new NamedAccounts(ceremonies, userManager, notices);
    }
}
