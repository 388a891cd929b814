package com.example.authserver.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in the HTTP session between Spring Security's two registration
 * requests. Spring's own repository stores the options object itself, which is not {@link Serializable} (in Spring
 * Security 7.0), and sessions here live in the database (Spring Session JDBC), so every attribute is serialized. This
 * one stores what the verification of the new passkey reads (relying party id, user handle, challenge, algorithms,
 * user verification) as plain values, and rebuilds the options from them.
 */
class SessionCreationOptionsRepository implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionCreationOptionsRepository.class.getName();

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512, PublicKeyCredentialParameters.RS1);

    private static final List<UserVerificationRequirement> USER_VERIFICATION = List.of(
            UserVerificationRequirement.DISCOURAGED,
            UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    /** The options as serializable values. */
    record Stored(
            String rpId,
            String rpName,
            byte[] userHandle,
            String userName,
            String userDisplayName,
            byte[] challenge,
            List<Long> algorithms,
            String userVerification,
            String residentKey,
            Long timeoutMillis)
            implements Serializable {}

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
        request.getSession()
                .setAttribute(
                        ATTRIBUTE,
                        new Stored(
                                options.getRp().getId(),
                                options.getRp().getName(),
                                options.getUser().getId().getBytes(),
                                options.getUser().getName(),
                                options.getUser().getDisplayName(),
                                options.getChallenge().getBytes(),
                                options.getPubKeyCredParams().stream()
                                        .map(parameters -> parameters.getAlg().getValue())
                                        .toList(),
                                selection.getUserVerification() == null
                                        ? null
                                        : selection.getUserVerification().getValue(),
                                selection.getResidentKey() == null
                                        ? null
                                        : selection.getResidentKey().getValue(),
                                options.getTimeout() == null
                                        ? null
                                        : options.getTimeout().toMillis()));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Stored stored)) {
            return null;
        }
        AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection =
                AuthenticatorSelectionCriteria.builder();
        USER_VERIFICATION.stream()
                .filter(requirement -> requirement.getValue().equals(stored.userVerification()))
                .findFirst()
                .ifPresent(selection::userVerification);
        if (stored.residentKey() != null) {
            selection.residentKey(ResidentKeyRequirement.valueOf(stored.residentKey()));
        }
        PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder options =
                PublicKeyCredentialCreationOptions.builder()
                        .rp(PublicKeyCredentialRpEntity.builder()
                                .id(stored.rpId())
                                .name(stored.rpName())
                                .build())
                        .user(ImmutablePublicKeyCredentialUserEntity.builder()
                                .id(new Bytes(stored.userHandle()))
                                .name(stored.userName())
                                .displayName(stored.userDisplayName())
                                .build())
                        .challenge(new Bytes(stored.challenge()))
                        .pubKeyCredParams(stored.algorithms().stream()
                                .flatMap(alg -> ALGORITHMS.stream()
                                        .filter(known -> known.getAlg().getValue() == alg))
                                .toList())
                        .authenticatorSelection(selection.build());
        if (stored.timeoutMillis() != null) {
            options.timeout(Duration.ofMillis(stored.timeoutMillis()));
        }
        return options.build();
    }
}
