package com.example.authserver.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import java.net.URI;
import java.util.Date;
import java.util.SplittableRandom;

/** Well-signed DPoP proofs (the Nimbus SDK's) for the sweep, right or wrong in address, method and time. */
final class DPoPProofs {

    private static final DefaultDPoPProofFactory FACTORY = factory();

    private DPoPProofs() {}

    static String signed(SplittableRandom random, String endpoint) {
        String[] methods = {"POST", "GET", "PUT", "post"};
        String[] addresses = {endpoint, endpoint + "/", endpoint.replace("http:", "https:"), "http://evil.example/"};
        long[] ages = {0, -3600, 3600, 30};
        try {
            return FACTORY.createDPoPJWT(
                            new JWTID(),
                            methods[random.nextInt(methods.length)],
                            URI.create(addresses[random.nextInt(addresses.length)]),
                            new Date(System.currentTimeMillis() - 1000 * ages[random.nextInt(ages.length)]),
                            null)
                    .serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DefaultDPoPProofFactory factory() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).generate();
            return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
