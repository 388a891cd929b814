package com.example.authserver.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.clients.ClientSecretHashing;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import com.example.authserver.support.TestServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.client.RestClient;

/**
 * What an attacker tries with DPoP proofs at the token endpoint: replays (one after the other and racing), proofs
 * for another address or method, too old or too new, without {@code jti}, unsigned or MAC-signed, with a private key
 * in the header, huge, or with a nonce of its own; and a client that must use DPoP sending none.
 */
@ServerTest
class DPoPAttackTests {

    @Autowired
    TestServer server;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ClientSecretHashing hashing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UsedProofsCleanup cleanup;

    @Autowired
    DPoPProperties properties;

    @Autowired
    TestClock clock;

    DPoPClient dpop;

    @BeforeEach
    void getANonce() throws Exception {
        dpop = new DPoPClient(server.issuer());
        assertThat(dpop.token(DPoPFlowTests.m2m(), new ClientCredentialsGrant()).indicatesSuccess())
                .isTrue();
    }

    @Test
    void twoRequestsRacingWithOneProofLetExactlyOneThrough() throws Exception {
        String proof = dpop.proof("POST", dpop.tokenEndpoint, null).serialize();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                statuses.add(threads.submit(() -> {
                    start.await();
                    return send(proof).getStatusCode();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).containsExactlyInAnyOrder(200, 400);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aProofForAnotherAddressOrMethodIsRefused() throws Exception {
        assertInvalid(signed(claims(c -> c.put("htu", server.issuer() + "/oauth2/introspect"))));
        assertInvalid(signed(claims(c -> c.put("htm", "GET"))));
    }

    @Test
    void aStaleOrFutureProofIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertInvalid(signed(claims(c -> c.put("iat", now - 300))));
        assertInvalid(signed(claims(c -> c.put("iat", now + 300))));
    }

    @Test
    void aProofWithoutJtiIsRefused() throws Exception {
        assertInvalid(signed(claims(c -> c.remove("jti"))));
    }

    @Test
    void anUnsignedOrMacSignedProofIsRefused() throws Exception {
        Map<String, Object> header = header();
        header.put("alg", "none");
        assertInvalid(encode(header) + "." + encode(claims(c -> {})) + ".");
        byte[] secret = new byte[32];
        assertInvalid(craft(header("HS256"), claims(c -> {}), new MACSigner(secret), JWSAlgorithm.HS256));
    }

    @Test
    void aProofCarryingAPrivateKeyIsRefused() throws Exception {
        Map<String, Object> header = header();
        header.put("jwk", dpop.key.toJSONObject());
        assertInvalid(craft(header, claims(c -> {}), new ECDSASigner(dpop.key), JWSAlgorithm.ES256));
    }

    @Test
    void aHugeProofIsRefusedWithoutAServerError() throws Exception {
        assertInvalid(signed(claims(c -> c.put("padding", "x".repeat(5000)))));
        HTTPResponse huge = send("x".repeat(20_000));
        assertThat(huge.getStatusCode()).isBetween(400, 499);
    }

    @Test
    void aNonceTheServerDidNotGiveIsRefused() throws Exception {
        HTTPResponse response = send(signed(claims(c -> c.put("nonce", "made-up"))));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBodyAsJSONObject()).containsEntry("error", "use_dpop_nonce");
        assertThat(response.getDPoPNonce()).isNotNull();
    }

    @Test
    void aNonceIsAcceptedInTheNextWindowButNotTheOneAfter() throws Exception {
        String nonce = dpop.nonce.getValue();
        long lifetime = properties.getNonceLifetime().toMillis();
        try {
            clock.advance(Duration.ofMillis(lifetime - clock.millis() % lifetime + 1000));
            assertThat(send(signed(claims(c -> c.put("nonce", nonce)))).getStatusCode())
                    .isEqualTo(200);

            clock.advance(Duration.ofMillis(lifetime));
            HTTPResponse expired = send(signed(claims(c -> c.put("nonce", nonce))));
            assertThat(expired.getStatusCode()).isEqualTo(400);
            assertThat(expired.getBodyAsJSONObject()).containsEntry("error", "use_dpop_nonce");
            assertThat(expired.getDPoPNonce().getValue()).isNotEqualTo(nonce);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aWellMadeHandCraftedProofIsAccepted() throws Exception {
        assertThat(send(signed(claims(c -> {}))).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatMustUseDPoPIsRefusedATokenWithoutAProof() throws Exception {
        ClientSecretBasic client = new ClientSecretBasic(
                new ClientID(TestClients.dpopRequired(clients, hashing)), new Secret(TestClients.SECRET));

        HTTPResponse withoutProof = new TokenRequest.Builder(dpop.tokenEndpoint, client, new ClientCredentialsGrant())
                .build()
                .toHTTPRequest()
                .send();

        assertThat(withoutProof.getStatusCode()).isEqualTo(400);
        assertThat(withoutProof.getBodyAsJSONObject())
                .containsEntry("error", "invalid_dpop_proof")
                .containsEntry("error_description", "DPoP is required for this client: send a DPoP proof");
        assertThat(withoutProof.getDPoPNonce()).isNotNull();
        TokenResponse withProof = dpop.token(client, new ClientCredentialsGrant());
        assertThat(withProof.toSuccessResponse().getTokens().getAccessToken()).isInstanceOf(DPoPAccessToken.class);
    }

    @Test
    void bothDiscoveryDocumentsNameTheAlgorithmsTheChecksAccept() {
        RestClient http = RestClient.create(server.issuer());
        for (String document :
                List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            Map<?, ?> metadata = http.get().uri(document).retrieve().body(Map.class);
            assertThat(metadata.get("dpop_signing_alg_values_supported"))
                    .as(document)
                    .isEqualTo(
                            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"));
        }
    }

    @Test
    void theCleanUpForgetsProofsThatCanNoLongerBeReplayed() {
        // 43 characters, as a hash is
        String old = UUID.randomUUID().toString().replace("-", "") + "-old-000000";
        String fresh = UUID.randomUUID().toString().replace("-", "") + "-new-000000";
        long now = System.currentTimeMillis();
        jdbc.update("insert into dpop_used_proof (jti_hash, expires_at) values (?, ?)", old, now - 1000);
        jdbc.update("insert into dpop_used_proof (jti_hash, expires_at) values (?, ?)", fresh, now + 600_000);

        assertThat(cleanup.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select jti_hash from dpop_used_proof", String.class))
                .doesNotContain(old)
                .contains(fresh);
    }

    private HTTPResponse send(String proof) throws Exception {
        HTTPRequest request = new TokenRequest.Builder(
                        dpop.tokenEndpoint, DPoPFlowTests.m2m(), new ClientCredentialsGrant())
                .build()
                .toHTTPRequest();
        request.setHeader("DPoP", proof);
        return request.send();
    }

    private void assertInvalid(String proof) throws Exception {
        HTTPResponse response = send(proof);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBodyAsJSONObject()).containsEntry("error", "invalid_dpop_proof");
    }

    private Map<String, Object> header() {
        return header("ES256");
    }

    private Map<String, Object> header(String algorithm) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "dpop+jwt");
        header.put("alg", algorithm);
        header.put("jwk", dpop.key.toPublicJWK().toJSONObject());
        return header;
    }

    private Map<String, Object> claims(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("htm", "POST");
        claims.put("htu", dpop.tokenEndpoint.toString());
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("nonce", dpop.nonce.getValue());
        change.accept(claims);
        return claims;
    }

    private String signed(Map<String, Object> claims) throws Exception {
        return craft(header(), claims, new ECDSASigner(dpop.key), JWSAlgorithm.ES256);
    }

    /** A JWS as an attacker writes it: any header, signed by any signer. */
    private static String craft(
            Map<String, Object> header, Map<String, Object> claims, JWSSigner signer, JWSAlgorithm algorithm)
            throws Exception {
        String input = encode(header) + "." + encode(claims);
        Base64URL signature = signer.sign(new JWSHeader(algorithm), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + signature;
    }

    private static String encode(Map<String, Object> json) {
        return Base64URL.encode(JSONObjectUtils.toJSONString(json)).toString();
    }
}
