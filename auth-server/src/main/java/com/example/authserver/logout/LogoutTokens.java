package com.example.authserver.logout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs logout tokens (OpenID Connect Back-Channel Logout 1.0, section 2.4) with the server's current signing key:
 * type {@code logout+jwt}, the back-channel logout event, {@code sub} and {@code sid}, a short lifetime, and never a
 * {@code nonce} (which would let it pass for an ID token).
 */
@Component
class LogoutTokens {

    static final String TYPE = "logout+jwt";

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwtEncoder encoder;

    private final BackChannelLogoutProperties properties;

    private final Clock clock;

    LogoutTokens(JwtEncoder encoder, BackChannelLogoutProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    String sign(LogoutDelivery delivery, String clientId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(delivery.issuer())
                .audience(List.of(clientId))
                .issuedAt(now)
                .expiresAt(now.plus(properties.getTokenLifetime()))
                .id(UUID.randomUUID().toString())
                .subject(delivery.subject())
                .claim("sid", delivery.sid())
                .claim("events", Map.of(EVENT, Map.of()))
                .build();
        // the algorithm and key id are the current signing key's (keys/SigningKeyJwtEncoder sets them)
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type(TYPE).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
