package com.example.authserver.system;

import static com.example.authserver.system.Gen.chance;

import com.example.authserver.system.WireFormat.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A case's parameters as sent: in the query string, or in a body (form, multipart, JSON, plain text), encoded right
 * or wrong. {@code readable}: the server can decode them; {@code formFields}: they arrive as servlet parameters.
 */
record Body(String query, byte[] content, String contentType, boolean readable, boolean formFields) {

    private static final String FORM = "application/x-www-form-urlencoded";

    static Body of(List<Map.Entry<String, String>> params, String method, SplittableRandom random) {
        Encoding encoding = Gen.<Encoding>mix()
                .add(75, Gen.constant(Encoding.PROPER))
                .add(10, Gen.constant(Encoding.BROKEN_ESCAPES))
                .add(8, Gen.constant(Encoding.RAW))
                .add(7, Gen.constant(Encoding.LATIN1))
                .next(random);
        String encoded = WireFormat.urlEncoded(params, encoding, random);
        boolean decodable = WireFormat.decodable(encoded);
        boolean post = method.equals("POST");
        int placement = random.nextInt(100);
        if (!post && placement < 92 || post && placement < 8) {
            return new Body(encoded.isEmpty() ? null : encoded, null, null, decodable, true);
        }
        if (!post || placement < 88) {
            String type = chance(random, 0.9)
                    ? FORM
                    : FORM
                            + Gen.oneOf(";charset=UTF-8", "; charset=utf-8", "; charset=ISO-8859-1")
                                    .next(random);
            // the container parses form bodies of POST requests only
            return new Body(null, encoded.getBytes(StandardCharsets.ISO_8859_1), type, decodable, post);
        }
        if (placement < 92) {
            String boundary = "sweep" + Long.toHexString(random.nextLong());
            String declared =
                    Gen.oneOf(boundary, boundary, boundary, "other", "").next(random);
            String type = declared.isEmpty() ? "multipart/form-data" : "multipart/form-data; boundary=" + declared;
            return new Body(
                    null,
                    WireFormat.multipart(params, boundary).getBytes(StandardCharsets.UTF_8),
                    type,
                    declared.equals(boundary),
                    false);
        }
        if (placement < 96) {
            return json(WireFormat.json(params), random);
        }
        return new Body(
                null, BadValues.text().next(random).getBytes(StandardCharsets.UTF_8), "text/plain", true, false);
    }

    /** A JSON body: UTF-8, or now and then ISO-8859-1 (which is no UTF-8 once it holds a non-ASCII character). */
    static Body json(String json, SplittableRandom random) {
        byte[] content = json.getBytes(chance(random, 0.9) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new Body(null, content, "application/json", true, false);
    }
}
