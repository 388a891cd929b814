package com.example.authserver.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Back-channel logout with a valid logout token, as an attacker who caught one replays it: whatever Host header the
 * request names, the session's cookie goes to this application's own logout endpoint and nowhere else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackChannelLogoutTests {

    private static final RSAKey KEY = newKey();

    private static final StubServer authorizationServer =
            StubServer.authorizationServer(new JWKSet(KEY.toPublicJWK()).toString());

    /** Where a forged Host header would send the session cookie: it must hear nothing. */
    private static final AtomicInteger elsewhere = new AtomicInteger();

    private static final StubServer attacker = new StubServer().count("/", elsewhere);

    @Autowired
    Environment environment;

    @Autowired
    OidcSessionRegistry sessions;

    @DynamicPropertySource
    static void useTheStub(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.interactive.issuer-uri", authorizationServer::url);
    }

    @AfterAll
    static void stopTheStubs() {
        authorizationServer.stop();
        attacker.stop();
    }

    @Test
    void aForgedHostHeaderDoesNotReceiveTheSessionCookie() throws Exception {
        String sid = UUID.randomUUID().toString();
        sessions.saveSessionInformation(new OidcSessionInformation("victim-session", Map.of(), user(sid)));

        String status = postLogoutToken(logoutToken(sid), "127.0.0.1:" + attacker.port());

        assertThat(status).contains(" 200 ");
        assertThat(elsewhere.get()).as("requests that reached the forged host").isZero();
        assertThat(sessions.removeSessionInformation("victim-session"))
                .as("the session was logged out")
                .isNull();
    }

    private String postLogoutToken(String token, String host) throws Exception {
        String answer = RawHttp.send(
                environment.getRequiredProperty("local.server.port", Integer.class),
                "POST /logout/connect/back-channel/interactive HTTP/1.1",
                List.of("Host: " + host, "Content-Type: application/x-www-form-urlencoded"),
                "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    private static DefaultOidcUser user(String sid) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .issuer(authorizationServer.url())
                .subject("alice")
                .audience(List.of("interactive"))
                .claim("sid", sid)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600))
                .build();
        return new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
    }

    private static String logoutToken(String sid) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(authorizationServer.url())
                .audience("interactive")
                .subject("alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("sid", sid)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY.getKeyID())
                        .type(new JOSEObjectType("logout+jwt"))
                        .build(),
                claims);
        token.sign(new RSASSASigner(KEY));
        return token.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
