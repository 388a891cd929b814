package com.example.authserver.system;

import com.example.authserver.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One case of the sweep: the request as it goes on the wire, the parameters it was built from (before any
 * encoding, right or wrong), what is known about it ({@link Trait}) and who sent it (visitor, session, signed in).
 */
record Case(RawHttp.Request request, List<Map.Entry<String, String>> params, Set<Trait> traits, String sender) {

    enum Trait {
        /** Broken at the HTTP level (bad request line, oversized head, bad Host): the container may refuse it. */
        TRANSPORT,
        /** Parameters that cannot be decoded (malformed escapes, not UTF-8) or that Spring's firewall refuses. */
        UNREADABLE,
        /** Carries its session's CSRF token once, where the server reads it. */
        CSRF_VALID,
        /** Sent in the session of a signed-in user. */
        SIGNED_IN,
        /** Asks for HTML, as a browser navigating does. */
        BROWSER
    }

    boolean has(Trait trait) {
        return traits.contains(trait);
    }

    List<String> values(String name) {
        return params.stream()
                .filter(param -> param.getKey().equals(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The request, printable: control characters escaped, long values shortened, as a failure report shows it. */
    String describe() {
        String headers = request.headers().stream()
                .map(header -> "    " + header.getKey() + ": " + printable(header.getValue()))
                .collect(Collectors.joining("\n"));
        String body =
                request.body() == null ? "(no body)" : printable(new String(request.body(), StandardCharsets.UTF_8));
        return "  sender: " + sender + "\n  " + request.method() + " " + printable(request.target()) + "\n" + headers
                + "\n  body: " + body + "\n  traits: " + traits;
    }

    /** Escapes what a terminal would not show, and shortens runs of one character and very long texts. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int run = 1;
            while (i + run < text.length() && text.charAt(i + run) == c) {
                run++;
            }
            if (run > 12) {
                out.append(escape(c)).append("{×").append(run).append('}');
                i += run - 1;
            } else {
                out.append(escape(c));
            }
            if (out.length() > 3000) {
                return out.append("… (")
                        .append(text.length())
                        .append(" characters)")
                        .toString();
            }
        }
        return out.toString();
    }

    private static String escape(char c) {
        return c < 0x20
                        || c == 0x7f
                        || (c >= 0x80 && c < 0xa0)
                        || Character.isSurrogate(c)
                        || Character.getType(c) == Character.FORMAT
                ? String.format("\\u%04x", (int) c)
                : String.valueOf(c);
    }
}
