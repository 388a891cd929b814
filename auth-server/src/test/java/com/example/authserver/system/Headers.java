package com.example.authserver.system;

import static com.example.authserver.system.Gen.chance;

import com.example.authserver.support.RawHttp;
import com.example.authserver.system.Case.Trait;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Request headers for the sweep: the ones every case may carry, client credentials, bearer tokens. */
final class Headers {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Gen<String> ACCEPT = Gen.<String>mix()
            .add(10, Gen.constant(BROWSER_ACCEPT))
            .add(3, Gen.constant("application/json"))
            .add(3, Gen.constant("*/*"))
            .add(
                    2,
                    Gen.oneOf(
                            "text/html;q=abc",
                            "a/b/c",
                            "*/*;q=0.1, text/html;q=x",
                            "text/*",
                            "image/png",
                            "application/jwt",
                            "",
                            ";",
                            "*",
                            "text/html" + ", text/html".repeat(400)));

    private static final List<String> ODD_CONTENT_TYPES = List.of(
            "",
            "text/plain",
            "application/json",
            "application/x-www-form-urlencoded; charset=bogus-xyz",
            "application/xml",
            "multipart/form-data",
            "multipart/mixed; boundary=x",
            "application/octet-stream",
            "*/*",
            "a/b/c",
            "application/jwt",
            "application/x-www-form-urlencoded;;;",
            "text/html; charset=\"");

    private Headers() {}

    /** Accept (a browser's most of the time), sometimes Accept-Language, junk headers, a bad Host. */
    static List<Map.Entry<String, String>> common(SplittableRandom random, Set<Trait> traits) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (chance(random, 0.9)) {
            String accept = ACCEPT.next(random);
            headers.add(Map.entry("Accept", accept));
            if (accept.equals(BROWSER_ACCEPT)) {
                traits.add(Trait.BROWSER);
            }
        }
        if (chance(random, 0.2)) {
            headers.add(Map.entry(
                    "Accept-Language",
                    Gen.<String>mix()
                            .add(
                                    2,
                                    Gen.oneOf(
                                            "de-DE,de;q=0.9",
                                            "xx-;;q=abc,*",
                                            "zz-ZZ",
                                            "*",
                                            "en-US-x-twain",
                                            "i-klingon",
                                            ",,,",
                                            "tr-TR",
                                            "ar-SA;q=2"))
                            .add(1, Headers::value)
                            .next(random)));
        }
        for (int i = random.nextInt(3); i > 0 && chance(random, 0.25); i--) {
            headers.add(Map.entry(
                    Gen.oneOf(
                                    "X-Forwarded-For",
                                    "X-Forwarded-Host",
                                    "X-Forwarded-Proto",
                                    "Forwarded",
                                    "Origin",
                                    "Referer",
                                    "X-Requested-With",
                                    "Content-Encoding",
                                    "Range",
                                    "If-Modified-Since",
                                    "X-HTTP-Method-Override",
                                    "DPoP",
                                    "X-Sweep")
                            .next(random),
                    value(random)));
        }
        if (chance(random, 0.02)) {
            headers.add(Map.entry(
                    "Host",
                    Gen.oneOf("evil..com", "[::1", "a b", "localhost:99999", "", "@", "localhost:1", "x".repeat(300))
                            .next(random)));
            traits.add(Trait.TRANSPORT);
        }
        return headers;
    }

    static String oddContentType(SplittableRandom random) {
        return Gen.oneOf(ODD_CONTENT_TYPES).next(random);
    }

    /** A header value from bad text, as UTF-8 bytes (line breaks taken out: they would end the header). */
    static String value(SplittableRandom random) {
        String text = BadValues.text().next(random);
        return RawHttp.bytes(text.replace("\r", "").replace("\n", "").getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the container refuses a request with these headers before the application sees it. */
    static boolean refusedByContainer(List<Map.Entry<String, String>> headers) {
        return headers.stream()
                .anyMatch(header -> header.getValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f));
    }

    /** Client credentials in an Authorization header: right, wrong, malformed, or none; one of the clients given. */
    static Gen<List<Map.Entry<String, String>>> clientAuthentication(String... clientIdsAndSecrets) {
        Gen<Integer> client = random -> 2 * random.nextInt(clientIdsAndSecrets.length / 2);
        Gen<String> basic = Gen.<String>mix()
                .add(4, client.map(i -> basic(clientIdsAndSecrets[i] + ":" + clientIdsAndSecrets[i + 1])))
                .add(
                        2,
                        random -> basic(clientIdsAndSecrets[client.next(random)] + ":"
                                + BadValues.text().next(random)))
                .add(
                        2,
                        random -> basic(BadValues.text().next(random) + ":"
                                + BadValues.text().next(random)))
                .add(1, random -> basic(BadValues.text().next(random)))
                .add(
                        1,
                        Gen.oneOf(
                                "Basic",
                                "Basic ",
                                "Basic %%%",
                                "Basic Zm9v",
                                "Basic =",
                                "basic " + basic("a:b"),
                                "Basic " + "QUFB".repeat(1500),
                                "Bearer x",
                                "Digest username=x",
                                "Basic Og==",
                                "Basic OjpA"));
        return random -> {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (chance(random, 0.75)) {
                headers.add(Map.entry("Authorization", basic.next(random)));
                if (chance(random, 0.05)) {
                    headers.add(Map.entry("Authorization", basic.next(random)));
                }
            }
            return headers;
        };
    }

    /** A bearer token that is no valid access token, in the header as RFC 6750 says, or not quite. */
    static Gen<List<Map.Entry<String, String>>> badBearer() {
        Gen<String> token = BadValues.token();
        Gen<String> header = Gen.<String>mix()
                .add(6, random -> "Bearer " + token.next(random))
                .add(
                        1,
                        random -> Gen.oneOf("bearer ", "BEARER ", "Bearer  ", "Bearer\t", "Token ", "DPoP ")
                                        .next(random)
                                + token.next(random))
                .add(
                        1,
                        Gen.oneOf(
                                "Bearer",
                                "Bearer ",
                                "Bearer a b",
                                "Bearer =",
                                "Bearer " + "a".repeat(7000),
                                basic("m2m.client:x")));
        return random -> {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (chance(random, 0.85)) {
                headers.add(Map.entry(
                        "Authorization",
                        RawHttp.bytes(header.next(random)
                                .replace("\r", "")
                                .replace("\n", "")
                                .getBytes(StandardCharsets.UTF_8))));
                if (chance(random, 0.05)) {
                    headers.add(Map.entry("Authorization", "Bearer " + token.next(random)));
                }
            }
            return headers;
        };
    }

    /**
     * A DPoP proof header as an attacker or a broken client sends it: junk, a proof signed by a real key for the
     * wrong address, method or time, without the server's nonce, huge, or two of them; sometimes none. With
     * {@code withToken}, an {@code Authorization: DPoP} header carrying a made-up access token comes along.
     */
    static Gen<List<Map.Entry<String, String>>> dPoPProofs(String endpoint, boolean withToken) {
        Gen<String> token = BadValues.token();
        Gen<String> proof = Gen.<String>mix()
                .add(3, random -> DPoPProofs.signed(random, endpoint))
                .add(2, token)
                .add(1, Gen.oneOf("", "a.b.c", "e30.e30.", "x".repeat(9000), "eyJhbGciOiJub25lIn0.e30."));
        return random -> {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (withToken) {
                headers.add(Map.entry("Authorization", headerValue("DPoP " + token.next(random))));
            }
            if (chance(random, 0.9)) {
                headers.add(Map.entry("DPoP", headerValue(proof.next(random))));
                if (chance(random, 0.05)) {
                    headers.add(Map.entry("DPoP", headerValue(proof.next(random))));
                }
            }
            return headers;
        };
    }

    /** As a client would put it on the wire: UTF-8 bytes, no line breaks. */
    private static String headerValue(String value) {
        return RawHttp.bytes(value.replace("\r", "").replace("\n", "").getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
