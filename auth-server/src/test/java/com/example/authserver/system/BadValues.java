package com.example.authserver.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values nobody should send: empty, blank, control characters, odd Unicode, very long, injection attempts, numbers
 * out of range, malformed tokens and addresses. Parameter values, header values and JSON members of the sweep are
 * drawn from here, mixed with a few valid ones of each field. None contains a marker that {@link SweepChecks} looks
 * for in responses (an exception class name, a stack frame), so an echo of the input is never taken for a leak.
 */
final class BadValues {

    /** {@code 1337 * 1337}: if a response shows it, an expression sent as text was evaluated (template injection). */
    static final String EVALUATED = "1787569";

    /** Markup that a page must escape if it shows it. */
    static final String MARKUP = "<svg onload=x1337>";

    /** A header that appears in a response only if a value with CR LF was written into a header unescaped. */
    static final String INJECTED_HEADER = "X-Injected-By-Sweep";

    /** Template and expression-language markers, written so that the archetype's Velocity leaves this file alone. */
    private static final String EL = "$";

    private static final String HASH = "#";

    private static final List<String> FIXED = List.of(
            "",
            " ",
            "\t\r\n ",
            "\u0000",
            "a\u0000b",
            "\u0007\u001b[31m",
            "\u200B",
            "\uFEFF",
            "\u202Eevil",
            "e\u0301",
            "\uD83D\uDC4D\uD83C\uDFFD",
            "\uFFFF",
            "\uD800",
            "\uDFFF\uD800",
            "ａｄｍｉｎ",
            "ß",
            "İı",
            "日本語",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "x\r\n" + INJECTED_HEADER + ": 1",
            "x\n" + INJECTED_HEADER + ": 1",
            "-1",
            "0",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "0x10",
            "1.5",
            "null",
            "undefined",
            "true",
            "[]",
            "{}",
            "{\"a\":",
            "' OR '1'='1",
            "\"; DROP TABLE users; --",
            MARKUP,
            "\"><script>x1337()</script>",
            "{{1337*1337}}",
            EL + "{1337*1337}",
            "__" + EL + "{1337*1337}__::x",
            HASH + "{1337*1337}",
            "*{1337*1337}",
            "[[" + EL + "{1337*1337}]]",
            "@{/x(a=" + EL + "{1337*1337})}",
            "../../../../etc/passwd",
            "..%2f..%2f",
            "%00",
            "%n%s%s%s",
            "{0}",
            "\\",
            "\\u0000",
            "http://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "http://127.0.0.1:1/",
            "%",
            "%zz",
            "%C3%28",
            "%FF%FE",
            "+",
            "&",
            "=",
            "&=&=",
            "#",
            "?",
            ";",
            ",",
            "'",
            "\"",
            "`",
            "*",
            "a b",
            "a+b",
            "a%20b");

    private static final List<String> EMAILS = List.of(
            "a@b",
            "@",
            "a@",
            "@b",
            "a@b@c",
            "a..b@c.d",
            "\"a b\"@c.d",
            "a@[127.0.0.1]",
            "Ａ@example.com",
            "a@例え.jp",
            "sweep@example.com",
            " sweep@example.com ",
            "SWEEP@EXAMPLE.COM",
            "a@b.c" + "c".repeat(300),
            "a".repeat(65) + "@example.com",
            "a\u0000@example.com",
            "a@example.com,b@example.com",
            "a@example.com\r\n" + INJECTED_HEADER + ": 1");

    private static final int[] LENGTHS = {2, 8, 63, 64, 65, 100, 101, 127, 128, 129, 256, 257, 1000, 4097, 9000};

    private BadValues() {}

    /** Any bad text: fixed nasties, random strings of several alphabets, long runs. */
    static Gen<String> text() {
        // a long run in one field of a case in four or so: enough to find length limits, without sending megabytes
        return Gen.<String>mix()
                .add(10, Gen.oneOf(FIXED))
                .add(8, BadValues::randomString)
                .add(1, BadValues::longRun)
                .add(2, Gen.oneOf(EMAILS))
                .add(2, token());
    }

    /** Text, or now and then one of the given valid values of the field, so that the other fields are reached. */
    static Gen<String> textOr(String... valid) {
        return Gen.<String>mix().add(2, text()).add(1, Gen.oneOf(valid));
    }

    static Gen<String> email() {
        return Gen.<String>mix()
                .add(3, Gen.oneOf(EMAILS))
                .add(1, text())
                .add(1, random -> "sweep-" + Long.toHexString(random.nextLong()) + "@example.com");
    }

    /** Malformed bearer tokens, codes and JWTs (never a valid one). */
    static Gen<String> token() {
        return Gen.<String>mix()
                .add(3, random -> base64Url(random, 1 + random.nextInt(80)))
                .add(3, BadValues::jwtLike)
                .add(1, Gen.oneOf("a.b.c", "..", "....", "e30.e30.", "e30.e30.e30.e30.e30", "eyJhbGciOiJub25lIn0.e30."))
                .add(1, BadValues::randomString);
    }

    /** A string of random characters from one of several alphabets, short or long. */
    static String randomString(SplittableRandom random) {
        int length = random.nextInt(4) == 0 ? LENGTHS[random.nextInt(LENGTHS.length)] : random.nextInt(20);
        StringBuilder text = new StringBuilder(length);
        int alphabet = random.nextInt(5);
        while (text.length() < length) {
            switch (alphabet) {
                case 0 -> text.append((char) (' ' + random.nextInt(95)));
                case 1 -> text.append((char) random.nextInt(128));
                case 2 -> text.append((char) random.nextInt(256));
                case 3 -> text.append((char) random.nextInt(0x10000));
                default -> text.appendCodePoint(random.nextInt(0x110000));
            }
        }
        return scrub(text.toString());
    }

    /** One character many times: past the lengths fields allow, and past what headers and URLs may hold. */
    static String longRun(SplittableRandom random) {
        int length = Gen.chance(random, 0.95) ? 1000 + random.nextInt(20_000) : 100_000 + random.nextInt(200_000);
        return String.valueOf("aé€\uD83D".charAt(random.nextInt(4))).repeat(length);
    }

    static String jwtLike(SplittableRandom random) {
        String header = Gen.oneOf(
                        "{\"alg\":\"none\"}",
                        "{\"alg\":\"RS256\"}",
                        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                        "{\"alg\":\"RS256\",\"kid\":\"../../x\"}",
                        "{\"alg\":\"ES256\",\"jku\":\"http://127.0.0.1:1/\"}",
                        "{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(5000) + "\"}",
                        "{\"alg\":",
                        "[]",
                        "null",
                        "{\"alg\":\"dir\",\"enc\":\"A128GCM\"}")
                .next(random);
        String claims = Gen.oneOf(
                        "{\"sub\":\"alice\",\"exp\":99999999999}",
                        "{\"iss\":null}",
                        "{\"exp\":\"x\"}",
                        "{\"aud\":[[[[]]]]}",
                        "{",
                        "x")
                .next(random);
        return b64(header) + "." + b64(claims) + "." + base64Url(random, random.nextInt(90));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String base64Url(SplittableRandom random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Random text could spell a leak marker only by a miracle; this makes "never" certain. */
    private static String scrub(String text) {
        return text.replace("Exception", "Exc3ption")
                .replace("java.", "jav4.")
                .replace("at org.", "at 0rg.")
                .replace("at com.", "at c0m.")
                .replace(EVALUATED, "1787560");
    }
}
