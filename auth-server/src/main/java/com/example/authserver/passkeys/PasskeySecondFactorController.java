package com.example.authserver.passkeys;

import com.example.authserver.security.PendingSignIn;
import com.example.authserver.security.SignedInUsers;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey instead of an authenticator code, in the second step of signing in ({@link PendingSignIn}): the options
 * name the pending user's passkeys only, and the passkey that answers must be one of them. Then the user is signed in
 * with both factors, as after a right code (twofactor/TwoFactorSignInController), and goes on where the sign-in
 * started. JSON in and out, as Spring Security's own passkey sign-in ({@code static/js/passkeys.js} calls both).
 */
@Controller
class PasskeySecondFactorController {

    static final String OPTIONS = PendingSignIn.PAGE + "/passkey/options";

    static final String VERIFY = PendingSignIn.PAGE + "/passkey";

    private final WebAuthnRelyingPartyOperations ceremonies;

    private final SignedInUsers signedInUsers;

    private final Clock clock;

    private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter(
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build());

    private final PublicKeyCredentialRequestOptionsRepository requestOptions =
            new HttpSessionPublicKeyCredentialRequestOptionsRepository();

    private final AuthenticationSuccessHandler continueSignIn = new HttpMessageConverterAuthenticationSuccessHandler();

    PasskeySecondFactorController(WebAuthnRelyingPartyOperations ceremonies, SignedInUsers signedInUsers, Clock clock) {
        this.ceremonies = ceremonies;
        this.signedInUsers = signedInUsers;
        this.clock = clock;
    }

    @PostMapping(OPTIONS)
    void options(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PendingSignIn> pending = PendingSignIn.of(request, clock);
        if (pending.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        // whose passkeys: Spring looks the user entity up by the name of an authenticated principal
        Authentication owner =
                UsernamePasswordAuthenticationToken.authenticated(pending.get().userId(), null, List.of());
        PublicKeyCredentialRequestOptions options =
                ceremonies.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(owner));
        requestOptions.save(request, response, options);
        json.write(options, MediaType.APPLICATION_JSON, new ServletServerHttpResponse(response));
    }

    @PostMapping(VERIFY)
    @SuppressWarnings("unchecked")
    void verify(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<PendingSignIn> pending = PendingSignIn.of(request, clock);
        PublicKeyCredentialRequestOptions options = requestOptions.load(request);
        requestOptions.save(request, response, null);
        if (pending.isEmpty() || options == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        String userId = pending.get().userId();
        try {
            PublicKeyCredential<AuthenticatorAssertionResponse> credential =
                    (PublicKeyCredential<AuthenticatorAssertionResponse>) json.read(
                            ResolvableType.forClassWithGenerics(
                                    PublicKeyCredential.class, AuthenticatorAssertionResponse.class),
                            new ServletServerHttpRequest(request),
                            null);
            if (!ceremonies
                    .authenticate(new RelyingPartyAuthenticationRequest(options, credential))
                    .getName()
                    .equals(userId)) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                return;
            }
        } catch (RuntimeException ex) {
            // not a passkey of this server, a wrong signature, or not JSON at all
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        Optional<Authentication> signedIn = signedInUsers.completeSignIn(
                pending.get(),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                        .issuedAt(clock.instant())
                        .build(),
                request,
                response);
        if (signedIn.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        continueSignIn.onAuthenticationSuccess(request, response, signedIn.get());
    }
}
