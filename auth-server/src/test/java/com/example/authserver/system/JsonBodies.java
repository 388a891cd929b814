package com.example.authserver.system;

import static com.example.authserver.system.WireFormat.jsonString;

import java.util.SplittableRandom;

/**
 * Bodies for the passkey (WebAuthn) JSON endpoints: not JSON at all, JSON of the wrong shape, deeply nested, or
 * shaped like a credential with members missing, mistyped, or holding garbage instead of base64url.
 */
final class JsonBodies {

    private static final Gen<String> NOT_JSON = Gen.oneOf(
            "",
            "{",
            "}",
            "null",
            "[]",
            "\"x\"",
            "1",
            "{}",
            "{\"a\":}",
            "{\"id\":\"a\",\"id\":\"b\"}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(2000),
            "1e99999999",
            "{\"response\":" + "[".repeat(800) + "]".repeat(800) + "}",
            "\uFEFF{}",
            "{'a':1}",
            "{\"type\":\"public-key\"}",
            "{\"publicKey\":null}",
            "{\"publicKey\":{\"credential\":1,\"label\":[]}}");

    private JsonBodies() {}

    /** An assertion, as {@code navigator.credentials.get} gives it, after a fashion. */
    static Gen<String> assertion() {
        return Gen.<String>mix().add(1, NOT_JSON).add(3, JsonBodies::credentialLike);
    }

    /** A new passkey to register, as {@code navigator.credentials.create} gives it and passkeys.js wraps it. */
    static Gen<String> registration() {
        return Gen.<String>mix()
                .add(1, NOT_JSON)
                .add(
                        3,
                        random -> "{\"publicKey\":{\"credential\":" + credentialLike(random) + ",\"label\":"
                                + value(random) + "}}");
    }

    private static String credentialLike(SplittableRandom random) {
        return "{" + member(random, "id") + member(random, "rawId") + member(random, "type")
                + "\"response\":{" + member(random, "authenticatorData") + member(random, "clientDataJSON")
                + member(random, "signature") + member(random, "userHandle") + member(random, "attestationObject")
                + member(random, "transports") + "\"x\":0}," + member(random, "authenticatorAttachment")
                + "\"clientExtensionResults\":"
                + Gen.oneOf("{}", "null", "[]", "{\"credProps\":{\"rk\":\"x\"}}")
                        .next(random) + "}";
    }

    private static String member(SplittableRandom random, String name) {
        return Gen.chance(random, 0.2) ? "" : jsonString(name) + ":" + value(random) + ",";
    }

    private static String value(SplittableRandom random) {
        return Gen.<String>mix()
                .add(4, r -> jsonString(BadValues.base64Url(r, r.nextInt(300))))
                .add(2, r -> jsonString(BadValues.text().next(r)))
                .add(
                        1,
                        Gen.oneOf(
                                "null",
                                "1",
                                "-1",
                                "true",
                                "[]",
                                "{}",
                                "[\"usb\",\"x\"]",
                                "\"public-key\"",
                                "\"platform\"",
                                "1e400",
                                "\"AAAA\""))
                .next(random);
    }
}
