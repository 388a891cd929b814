package com.example.authserver.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.RestartableServer;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the server on one database behind one address (a proxy's {@code X-Forwarded-*} headers), as
 * behind a load balancer: a nonce one hands out works at the other, and a proof used at one is refused at the other.
 */
class DPoPAcrossInstancesTests {

    static final String PUBLIC_URL = "https://auth.example";

    RestartableServer server = new RestartableServer();

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void theInstancesShareNoncesAndRefuseAProofTheOtherAccepted() throws Exception {
        try (ConfigurableApplicationContext first = server.start("--server.forward-headers-strategy=native");
                ConfigurableApplicationContext second = server.start("--server.forward-headers-strategy=native")) {
            DPoPClient dpop = new DPoPClient(PUBLIC_URL);
            URI proofTarget = dpop.tokenEndpoint;

            HTTPResponse askedForNonce = send(first, dpop.proofs.createDPoPJWT("POST", proofTarget));
            assertThat(askedForNonce.getBodyAsJSONObject()).containsEntry("error", "use_dpop_nonce");
            SignedJWT proof = dpop.proofs.createDPoPJWT("POST", proofTarget, askedForNonce.getDPoPNonce());

            HTTPResponse accepted = send(second, proof);
            HTTPResponse replayed = send(first, proof);

            assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(200);
            assertThat(replayed.getStatusCode()).isEqualTo(400);
            assertThat(replayed.getBodyAsJSONObject())
                    .containsEntry("error", "invalid_dpop_proof")
                    .containsEntry("error_description", "DPoP proof was used before");
        }
    }

    /** A client credentials request with {@code proof}, through the proxy to {@code instance}. */
    private static HTTPResponse send(ConfigurableApplicationContext instance, SignedJWT proof) throws Exception {
        URI endpoint = URI.create(RestartableServer.url(instance) + "/oauth2/token");
        HTTPRequest request = new TokenRequest.Builder(endpoint, DPoPFlowTests.m2m(), new ClientCredentialsGrant())
                .build()
                .toHTTPRequest();
        request.setHeader("X-Forwarded-Proto", "https");
        request.setHeader("X-Forwarded-Host", "auth.example");
        request.setHeader("X-Forwarded-Port", "443");
        request.setDPoP(proof);
        return request.send();
    }
}
