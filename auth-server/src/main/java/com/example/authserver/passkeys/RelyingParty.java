package com.example.authserver.passkeys;

import com.example.authserver.system.IssuerProperties;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.OriginVerifierImpl;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This server as a WebAuthn relying party: its id (the domain passkeys are bound to), its name, and the origins whose
 * pages may create and use its passkeys. Each comes from {@code authforge.passkeys}, else from the issuer; without
 * either (development), the id is {@code localhost} and the one origin is this server on localhost at the port it
 * listens on, so a random test port works too. Browsers allow WebAuthn on https pages and on http://localhost only.
 */
@Component
class RelyingParty {

    static final String DEVELOPMENT_ID = "localhost";

    private final PasskeyProperties properties;

    private final IssuerProperties issuer;

    private final Environment environment;

    RelyingParty(PasskeyProperties properties, IssuerProperties issuer, Environment environment) {
        this.properties = properties;
        this.issuer = issuer;
        this.environment = environment;
    }

    String id() {
        if (hasText(properties.getRpId())) {
            return properties.getRpId();
        }
        return hasText(issuer.getIssuer()) ? URI.create(issuer.getIssuer()).getHost() : DEVELOPMENT_ID;
    }

    String name() {
        return properties.getRpName();
    }

    /** Read at each ceremony: in development the port is only known once the server listens. */
    Set<Origin> allowedOrigins() {
        if (!properties.getAllowedOrigins().isEmpty()) {
            return properties.getAllowedOrigins().stream().map(Origin::new).collect(Collectors.toUnmodifiableSet());
        }
        if (hasText(issuer.getIssuer())) {
            URI uri = URI.create(issuer.getIssuer());
            return Set.of(new Origin(uri.getScheme() + "://" + uri.getRawAuthority()));
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return Set.of(new Origin("http://" + DEVELOPMENT_ID + ":" + port));
    }

    /** Spring Security's default verification (webauthn4j, attestation not checked), with origins from here. */
    WebAuthnManager webAuthnManager() {
        WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
        OriginVerifierImpl origins = new OriginVerifierImpl() {
            @Override
            protected void verify(CollectedClientData clientData, ServerProperty server) {
                super.verify(
                        clientData,
                        ServerProperty.builder()
                                .origins(allowedOrigins())
                                .rpId(server.getRpId())
                                .challenge(server.getChallenge())
                                .build());
            }
        };
        manager.getRegistrationDataVerifier().setOriginVerifier(origins);
        manager.getAuthenticationDataVerifier().setOriginVerifier(origins);
        return manager;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
