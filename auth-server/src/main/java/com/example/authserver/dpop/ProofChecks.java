package com.example.authserver.dpop;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithms;
import org.springframework.security.oauth2.jwt.DPoPProofContext;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuedAtValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

/**
 * The checks this server adds to a DPoP proof, made before the framework's own (which then verify it once more and
 * bind the token): the framework's signature, {@code typ}, public {@code jwk}, {@code htm}, {@code htu} and
 * {@code iat} checks, then the algorithm allow-list, the server's nonce, and single use across every instance
 * ({@link UsedProofs}). The framework's own replay check is a per-instance memory of 1,000 proofs.
 */
class ProofChecks {

    /** What the framework's verifier accepts (RSA and EC families), less ES256K, which the JDK cannot verify. */
    static final List<String> ALGORITHMS = List.of(
            JwsAlgorithms.RS256,
            JwsAlgorithms.RS384,
            JwsAlgorithms.RS512,
            JwsAlgorithms.PS256,
            JwsAlgorithms.PS384,
            JwsAlgorithms.PS512,
            JwsAlgorithms.ES256,
            JwsAlgorithms.ES384,
            JwsAlgorithms.ES512);

    /** Far more than a proof with an RSA 4096-bit key takes (about 1,600 characters). */
    static final int MAX_PROOF_LENGTH = 4096;

    /** How far {@code iat} may be from now, either way: the framework's check, which runs after ours. */
    private static final Duration IAT_SKEW = Duration.ofSeconds(60);

    /** How long a proof is remembered after its {@code iat}: longer than it can be accepted. */
    private static final Duration REMEMBERED = IAT_SKEW.plusSeconds(60);

    private final DPoPProofJwtDecoderFactory decoders = new DPoPProofJwtDecoderFactory();

    private final ProofNonces nonces;

    private final UsedProofs usedProofs;

    ProofChecks(ProofNonces nonces, UsedProofs usedProofs) {
        this.nonces = nonces;
        this.usedProofs = usedProofs;
        decoders.setJwtValidatorFactory(ProofChecks::validator);
    }

    /** Checks {@code proof} for a request of {@code method} to {@code targetUri}; returns it decoded. */
    Jwt check(String proof, String method, String targetUri) throws RejectedProof {
        if (proof.length() > MAX_PROOF_LENGTH) {
            throw RejectedProof.invalid("DPoP proof is too large");
        }
        String algorithm = algorithmOf(proof);
        if (!ALGORITHMS.contains(algorithm)) {
            throw RejectedProof.invalid(
                    "DPoP proof algorithm is not supported: use one of dpop_signing_alg_values_supported");
        }
        Jwt jwt;
        try {
            DPoPProofContext context = DPoPProofContext.withDPoPProof(proof)
                    .method(method)
                    .targetUri(targetUri)
                    .build();
            jwt = decoders.createDecoder(context).decode(proof);
        } catch (JwtValidationException invalidClaims) {
            throw RejectedProof.invalid(invalidClaims.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .findFirst()
                    .orElse("DPoP proof is invalid"));
        } catch (JwtException | IllegalArgumentException invalid) {
            throw RejectedProof.invalid(
                    "DPoP proof is invalid: it must be a dpop+jwt signed with the public key in " + "its jwk header");
        }
        if (nonces.required() && !nonces.accepts(jwt.getClaimAsString("nonce"))) {
            throw RejectedProof.nonceNeeded("DPoP proof must carry the nonce in the DPoP-Nonce header");
        }
        if (!usedProofs.firstUse(proofHash(jwt), jwt.getIssuedAt().plus(REMEMBERED))) {
            throw RejectedProof.invalid("DPoP proof was used before");
        }
        return jwt;
    }

    private static String algorithmOf(String proof) throws RejectedProof {
        try {
            JWT jwt = JWTParser.parse(proof);
            return jwt instanceof SignedJWT ? jwt.getHeader().getAlgorithm().getName() : "none";
        } catch (ParseException | RuntimeException malformed) {
            throw RejectedProof.invalid("DPoP proof is not a JWT");
        }
    }

    /** The proof's key and jti, hashed: one key's proofs cannot collide with another's. */
    private static String proofHash(Jwt jwt) throws RejectedProof {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) jwt.getHeaders().get("jwk");
            String thumbprint = JWK.parse(jwk).computeThumbprint().toString();
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((thumbprint + "." + jwt.getId()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (ParseException | com.nimbusds.jose.JOSEException | NoSuchAlgorithmException | RuntimeException e) {
            throw RejectedProof.invalid("DPoP proof's jwk header is invalid");
        }
    }

    /** The framework's claim checks without its per-instance replay memory, stopping at the first failure. */
    private static OAuth2TokenValidator<Jwt> validator(DPoPProofContext context) {
        List<OAuth2TokenValidator<Jwt>> checks = List.of(
                new JwtClaimValidator<String>("htm", context.getMethod()::equals),
                new JwtClaimValidator<String>("htu", context.getTargetUri()::equals),
                jwt -> StringUtils.hasText(jwt.getId())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error(RejectedProof.INVALID_DPOP_PROOF, "jti claim is required.", null)),
                new JwtIssuedAtValidator(true));
        return jwt -> checks.stream()
                .map(check -> check.validate(jwt))
                .filter(OAuth2TokenValidatorResult::hasErrors)
                .findFirst()
                .orElse(OAuth2TokenValidatorResult.success());
    }
}
