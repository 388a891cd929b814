package com.example.authserver.passkeys;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.mail.SecurityNotices;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Spring Security's ceremonies, with one change: the account a new passkey is for. Spring names the WebAuthn user
 * entity after the signed-in principal, which here is the user id (security/SignedInUsers): a stable key, so the
 * entity's {@code name} stays the user id. The authenticator, though, shows the account to the user whenever it
 * offers the passkey, so it is told the user name and full name instead of the id. A passkey registered tells the
 * user by email ({@link SecurityNotices}).
 */
class NamedAccounts implements WebAuthnRelyingPartyOperations {

    private final WebAuthnRelyingPartyOperations ceremonies;

    private final UserManager userManager;

    private final SecurityNotices notices;

    NamedAccounts(WebAuthnRelyingPartyOperations ceremonies, UserManager userManager, SecurityNotices notices) {
        this.ceremonies = ceremonies;
        this.userManager = userManager;
        this.notices = notices;
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        PublicKeyCredentialCreationOptions options = ceremonies.createPublicKeyCredentialCreationOptions(request);
        ApplicationUser user =
                userManager.findById(request.getAuthentication().getName()).orElseThrow();
        PublicKeyCredentialUserEntity shown = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(options.getUser().getId())
                .name(user.getUserName())
                .displayName(displayName(user))
                .build();
        return PublicKeyCredentialCreationOptions.builder()
                .rp(options.getRp())
                .user(shown)
                .challenge(options.getChallenge())
                .pubKeyCredParams(options.getPubKeyCredParams())
                .timeout(options.getTimeout())
                .excludeCredentials(options.getExcludeCredentials())
                .authenticatorSelection(options.getAuthenticatorSelection())
                .attestation(options.getAttestation())
                .extensions(options.getExtensions())
                .build();
    }

    /**
     * A response the browser's authenticator did not make (members missing, not base64, failing verification)
     * is refused with 403: Spring's registration filter lets any exception through, which made them 500s. A new
     * passkey signs in without a password: its owner is told by email, in case it was not them.
     */
    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        CredentialRecord registered;
        try {
            registered = ceremonies.registerCredential(request);
        } catch (DataAccessException unavailable) {
            throw unavailable;
        } catch (RuntimeException notAPasskey) {
            throw new AccessDeniedException("The passkey could not be registered", notAPasskey);
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null) {
            userManager
                    .findById(signedIn.getName())
                    .ifPresent(user -> notices.send(user, SecurityNotices.Kind.PASSKEY_ADDED));
        }
        return registered;
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return ceremonies.createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return ceremonies.authenticate(request);
    }

    private static String displayName(ApplicationUser user) {
        String fullName = ((user.getGivenName() == null ? "" : user.getGivenName()) + " "
                        + (user.getFamilyName() == null ? "" : user.getFamilyName()))
                .strip();
        return fullName.isEmpty() ? user.getUserName() : fullName;
    }
}
