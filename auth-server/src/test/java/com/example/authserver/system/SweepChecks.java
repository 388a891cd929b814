package com.example.authserver.system;

import com.example.authserver.support.RawHttp.Response;
import com.example.authserver.system.Case.Trait;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer of the sweep must be (no server error, no stack trace or class name, no evaluated expression,
 * no unescaped markup, no injected header, no redirect off the server), and what each kind of endpoint must answer
 * besides: RFC 6749 error JSON, redirects to registered URIs only, Bearer challenges.
 */
final class SweepChecks {

    /** Finds what is wrong with one answer: adds a line per problem. */
    @FunctionalInterface
    interface Check {
        void check(Case sent, Response answer, List<String> problems);
    }

    /** Signs that an answer shows the server's insides. */
    static final List<String> LEAKS = List.of(
            "Exception",
            "at com.",
            "at org.",
            "java.lang",
            "org.springframework",
            "Caused by",
            "org.apache",
            "jakarta.",
            "tools.jackson",
            "com.fasterxml",
            "org.hibernate",
            "SQL statement",
            "SQLState",
            "Whitelabel");

    /** RFC 6749 section 5.2, RFC 8628 section 3.5, RFC 8707, RFC 9449. */
    static final Set<String> TOKEN_ERRORS = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "authorization_pending",
            "slow_down",
            "access_denied",
            "expired_token",
            "invalid_target",
            "invalid_dpop_proof",
            "use_dpop_nonce");

    /** RFC 6749 section 4.1.2.1 (without server_error: that is a 500 in disguise), OpenID Connect Core 3.1.2.6. */
    static final Set<String> AUTHORIZATION_ERRORS = Set.of(
            "invalid_request",
            "unauthorized_client",
            "access_denied",
            "unsupported_response_type",
            "invalid_scope",
            "temporarily_unavailable",
            "interaction_required",
            "login_required",
            "account_selection_required",
            "consent_required",
            "unmet_authentication_requirements",
            "invalid_request_uri",
            "invalid_request_object",
            "request_not_supported",
            "request_uri_not_supported",
            "registration_not_supported",
            "invalid_target");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FORM = "application/x-www-form-urlencoded";

    private SweepChecks() {}

    /** Pages and forms: the checks every answer passes, and redirects stay on this server. */
    static Check pages(String server) {
        return (sent, answer, problems) -> {
            always(sent, answer, problems);
            redirectsTo(sent, answer, server, Set.of(), problems);
        };
    }

    /**
     * A form post that got past the CSRF check shows the form again with its errors, goes on (a redirect), or shows a
     * page of the application that says what is wrong (an expired link: 400): never the generic error page. 405: the
     * address is a page, not a form's action.
     */
    static Check forms(String server) {
        Check pages = pages(server);
        return (sent, answer, problems) -> {
            pages.check(sent, answer, problems);
            boolean form = sent.request().header("Content-Type").orElse("").startsWith(FORM);
            boolean errorPage = answer.status() >= 400
                    && answer.status() != 405
                    && answer.status() != 429
                    && (answer.status() != 400 || answer.body().contains("<title>Error "));
            if (sent.has(Trait.CSRF_VALID) && sent.request().method().equals("POST") && form && errorPage) {
                problems.add("a form post with a valid CSRF token answered " + answer.status()
                        + " instead of the form with its errors");
            }
        };
    }

    /** Token, introspection, revocation, PAR: errors as RFC 6749 JSON with a code from {@code codes}. */
    static Check protocolJson(String server, Set<String> codes) {
        return (sent, answer, problems) -> {
            always(sent, answer, problems);
            redirectsTo(sent, answer, server, Set.of(), problems);
            if (!sent.request().method().equals("POST") || sent.has(Trait.TRANSPORT) || answer.status() < 400) {
                return;
            }
            JsonNode error = json(answer, problems);
            if (error != null && !codes.contains(error.path("error").asString(""))) {
                problems.add("not an RFC 6749 error: " + answer.body());
            }
        };
    }

    /** The checks every answer passes. */
    static void always(Case sent, Response answer, List<String> problems) {
        if (answer.status() >= 500) {
            problems.add("server error " + answer.status());
        }
        String all = answer.headers() + answer.body();
        LEAKS.stream().filter(all::contains).forEach(leak -> problems.add("shows internals: '" + leak + "'"));
        if (answer.body().contains(BadValues.EVALUATED) && !sent.describe().contains(BadValues.EVALUATED)) {
            problems.add("evaluated an expression it was sent");
        }
        if (answer.header("content-type").orElse("").startsWith("text/html")
                && answer.body().contains(BadValues.MARKUP)) {
            problems.add("shows markup it was sent unescaped");
        }
        if (answer.header(BadValues.INJECTED_HEADER).isPresent()) {
            problems.add("wrote a header it was sent inside a value");
        }
    }

    /**
     * A redirect goes to this server, or to one of {@code allowed} (registered client URIs, without query). A case
     * with a Host header of its own is sent to that host: the server's absolute redirects follow the request's host.
     */
    static void redirectsTo(Case sent, Response answer, String server, Set<String> allowed, List<String> problems) {
        String location = answer.header("location").orElse(null);
        if (answer.status() / 100 != 3
                || location == null
                || sent.request().header("Host").isPresent()) {
            return;
        }
        String target =
                URI.create(server + "/").resolve(location.replace(" ", "%20")).toString();
        if (!target.startsWith(server + "/") && !allowed.contains(target.split("[?#]", 2)[0])) {
            problems.add("redirects off this server, to " + location);
        }
    }

    static JsonNode json(Response answer, List<String> problems) {
        if (!answer.header("content-type").orElse("").startsWith("application/json")) {
            problems.add("answered " + answer.header("content-type").orElse("no Content-Type") + ", not JSON");
            return null;
        }
        try {
            return JSON.readTree(answer.body());
        } catch (RuntimeException ex) {
            problems.add("answered malformed JSON: " + answer.body());
            return null;
        }
    }

    /** The value of a query parameter of a URI, decoded; null if absent. */
    static String queryParameter(String uri, String name) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : uri.substring(query + 1).split("#", 2)[0].split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
