package com.example.authserver.system;

import com.example.authserver.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the sweep puts parameters on the wire: URL-encoded as they should be, or with escapes broken, raw, in
 * ISO-8859-1 instead of UTF-8; as a query string, a form, JSON or multipart body. And what the server can read of it.
 */
final class WireFormat {

    enum Encoding {
        PROPER,
        BROKEN_ESCAPES,
        RAW,
        LATIN1
    }

    private static final String[] BROKEN = {"%", "%z", "%zz", "%C3%28", "%FF", "%u0041", "%%", "%E9", "%C0%AF"};

    /**
     * What a request target may hold (RFC 3986); the container refuses anything else before the application.
     * ({@code \x23} is '#', written so that the archetype's Velocity leaves the class alone.)
     */
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9\\-._~:/?\\x23\\[\\]@!$&'()*+,;=%]*");

    /** What Spring Security's firewall lets through in a parameter's name or value. */
    private static final Pattern FIREWALL_ALLOWED = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private WireFormat() {}

    static String urlEncoded(List<Map.Entry<String, String>> params, Encoding encoding, SplittableRandom random) {
        String encoded = params.stream()
                .map(param -> param.getValue() == null
                        ? encode(param.getKey(), encoding)
                        : encode(param.getKey(), encoding) + "=" + encode(param.getValue(), encoding))
                .collect(Collectors.joining("&"));
        if (encoding == Encoding.BROKEN_ESCAPES) {
            int at = random.nextInt(encoded.length() + 1);
            encoded = encoded.substring(0, at) + BROKEN[random.nextInt(BROKEN.length)] + encoded.substring(at);
        }
        return encoded;
    }

    private static String encode(String text, Encoding encoding) {
        return switch (encoding) {
            case PROPER, BROKEN_ESCAPES -> URLEncoder.encode(text, StandardCharsets.UTF_8);
            case LATIN1 -> URLEncoder.encode(text, StandardCharsets.ISO_8859_1);
            case RAW -> RawHttp.bytes(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    static String json(List<Map.Entry<String, String>> params) {
        return params.stream()
                .map(param -> jsonString(param.getKey()) + ":"
                        + (param.getValue() == null ? "null" : jsonString(param.getValue())))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String multipart(List<Map.Entry<String, String>> params, String boundary) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> param : params) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(param.getKey())
                    .append("\"\r\n\r\n")
                    .append(param.getValue() == null ? "" : param.getValue())
                    .append("\r\n");
        }
        return body.append("--").append(boundary).append("--\r\n").toString();
    }

    /** Whether the container can decode the query string or form body: escapes well-formed, bytes UTF-8. */
    static boolean decodable(String urlEncoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < urlEncoded.length(); i++) {
            char c = urlEncoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= urlEncoded.length()
                        || Character.digit(urlEncoded.charAt(i + 1), 16) < 0
                        || Character.digit(urlEncoded.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(urlEncoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '&' || c == '=') {
                // the container refuses a parameter without a name ("&=x")
                boolean emptyName = c == '=' && bytes.size() == 0 && (i == 0 || urlEncoded.charAt(i - 1) == '&');
                if (emptyName || !isUtf8(bytes.toByteArray())) {
                    return false;
                }
                bytes.reset();
            } else {
                bytes.write(c);
            }
        }
        return isUtf8(bytes.toByteArray());
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            Charset utf8 = StandardCharsets.UTF_8;
            utf8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException ex) {
            return false;
        }
    }

    /** Whether Spring Security's firewall accepts these parameters (no control or unassigned characters). */
    static boolean firewallAccepts(List<Map.Entry<String, String>> params) {
        return params.stream()
                .allMatch(param -> FIREWALL_ALLOWED.matcher(param.getKey()).matches()
                        && (param.getValue() == null
                                || FIREWALL_ALLOWED.matcher(param.getValue()).matches()));
    }

    /** Whether the firewall accepts these header values, as the container decodes them (ISO-8859-1). */
    static boolean firewallAcceptsHeaders(List<Map.Entry<String, String>> headers) {
        return headers.stream()
                .allMatch(header -> FIREWALL_ALLOWED.matcher(header.getValue()).matches());
    }

    static boolean validTarget(String target) {
        return TARGET.matcher(target).matches();
    }
}
