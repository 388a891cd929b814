package com.example.authserver.requests;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signed request objects (RFC 9101, JAR): an authorization request as a JWT the client signed with a key of its
 * registered JWK Set ({@link ClientKeys}). Only asymmetric algorithms: HS256 would need the client secret, which is
 * stored hashed; unsigned ({@code alg=none}) and encrypted objects are refused. The object is the client's, for this
 * server, and fresh: {@code iss} is the client id, {@code aud} the issuer, {@code exp} present and at most an hour
 * ahead, {@code nbf} and {@code iat} not in the future. Its claims are the request's parameters, and the only ones.
 */
@Component
class RequestObjects {

    /** The authorization request parameter carrying a request object by value. */
    static final String PARAMETER = "request";

    static final String INVALID_REQUEST_OBJECT = "invalid_request_object";

    /** In discovery's {@code request_object_signing_alg_values_supported}, in this order. */
    static final Set<JWSAlgorithm> ALGORITHMS =
            new LinkedHashSet<>(List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256));

    /** Larger objects are refused unread: a request object is a few hundred bytes. */
    static final int MAX_LENGTH = 16 * 1024;

    private static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** The JWT's own claims, not authorization request parameters. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "aud", "exp", "nbf", "iat", "jti", "sub");

    private static final JOSEObjectType REQUEST_OBJECT_TYPE = new JOSEObjectType("oauth-authz-req+jwt");

    private final ClientKeys keys;

    private final Clock clock;

    RequestObjects(ClientKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The parameters of the client's request object, once its signature and claims are checked.
     *
     * @throws OAuth2AuthenticationException {@code invalid_request_object}, saying what is wrong
     */
    MultiValueMap<String, String> parameters(String requestObject, RegisteredClient client, String issuer) {
        if (requestObject.length() > MAX_LENGTH) {
            throw invalid("The request object is too large.");
        }
        JWTClaimsSet claims = verified(requestObject, client);
        checkClaims(claims, client, issuer);
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (!JWT_CLAIMS.contains(name) && value != null) {
                parameters.put(name, values(name, value));
            }
        });
        if (parameters.containsKey(PARAMETER) || parameters.containsKey(OAuth2ParameterNames.REQUEST_URI)) {
            throw invalid("A request object may not contain request or request_uri.");
        }
        parameters.set(OAuth2ParameterNames.CLIENT_ID, client.getClientId());
        return parameters;
    }

    private JWTClaimsSet verified(String requestObject, RegisteredClient client) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(requestObject);
        } catch (ParseException | RuntimeException malformed) { // a header of JSON null: Nimbus throws a NPE
            throw invalid("The request object is not a JWT.");
        }
        if (jwt instanceof PlainJWT) {
            throw invalid("The request object must be signed.");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw invalid("Encrypted request objects are not supported.");
        }
        if (!ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
            throw invalid("The request object must be signed with one of " + ALGORITHMS + ".");
        }
        JWKSource<SecurityContext> clientKeys = keys.of(client);
        if (clientKeys == null) {
            throw invalid("The client has registered no keys for request objects.");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(REQUEST_OBJECT_TYPE, JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, clientKeys));
        processor.setJWTClaimsSetVerifier(null); // checkClaims, by the server's clock
        try {
            return processor.process(signed, null);
        } catch (BadJOSEException | JOSEException rejected) {
            throw invalid("The request object's signature does not verify with the client's keys.");
        }
    }

    private void checkClaims(JWTClaimsSet claims, RegisteredClient client, String issuer) {
        if (!client.getClientId().equals(claims.getIssuer())) {
            throw invalid("The request object's iss must be the client id.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(issuer)) {
            throw invalid("The request object's aud must be this server's issuer.");
        }
        Object clientId = claims.getClaim(OAuth2ParameterNames.CLIENT_ID);
        if (clientId != null && !client.getClientId().equals(clientId)) {
            throw invalid("The request object's client_id is not the client's.");
        }
        Instant now = clock.instant();
        Instant expiry = instant(claims.getExpirationTime());
        if (expiry == null || !expiry.isAfter(now.minus(CLOCK_SKEW))) {
            throw invalid("The request object has expired or has no exp.");
        }
        if (expiry.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
            throw invalid("The request object's exp is more than an hour ahead.");
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        Instant issuedAt = instant(claims.getIssueTime());
        if ((notBefore != null && notBefore.isAfter(now.plus(CLOCK_SKEW)))
                || (issuedAt != null && issuedAt.isAfter(now.plus(CLOCK_SKEW)))) {
            throw invalid("The request object is not valid yet.");
        }
    }

    /** A claim as parameter values: strings as they are, arrays as repeated values, objects as JSON. */
    @SuppressWarnings("unchecked")
    private static List<String> values(String name, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(item -> value(name, item)).toList();
        }
        return List.of(value(name, value));
    }

    @SuppressWarnings("unchecked")
    private static String value(String name, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> object) {
            return JSONObjectUtils.toJSONString((Map<String, ?>) object);
        }
        throw invalid("The request object's " + name + " cannot be read as a parameter.");
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(INVALID_REQUEST_OBJECT, description, null));
    }
}
