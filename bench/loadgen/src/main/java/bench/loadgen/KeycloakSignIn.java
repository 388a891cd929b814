package bench.loadgen;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bench.loadgen.HttpConnection.Failure;
import bench.loadgen.HttpConnection.Response;

/**
 * One password sign-in at Keycloak, on a new connection with no cookie, as {@link Visits#signIn} is one at AuthForge:
 * the authorization-code flow for the "interactive" client with PKCE (S256), through Keycloak's own login form, up to
 * the redirect that carries the code. Keycloak answers the authorization request with its login page itself (no
 * redirect to a separate page), so a sign-in is two requests:
 * <ol>
 * <li>GET /realms/REALM/protocol/openid-connect/auth?… : 200, the login form, whose action URL carries the
 * authentication session (session_code, execution, client_id, tab_id, client_data), and its cookies
 * (AUTH_SESSION_ID, KC_AUTH_SESSION_HASH, KC_RESTART);</li>
 * <li>POST of the user name, the password and the form's hidden fields (credentialId, empty) to that action URL:
 * 302 to the client's redirect URI with {@code code} and the same {@code state}.</li>
 * </ol>
 * Any other answer is a failure of kind UNEXPECTED, as at AuthForge. The user has no required action and the client
 * asks for no consent, so nothing comes between.
 */
final class KeycloakSignIn {

    /** The requests of a sign-in, in order. */
    static final List<String> STEPS = List.of("authorize", "login_post");

    /** Keycloak's default client scopes for a new client include profile and email: the same claims as AuthForge's. */
    static final String SCOPE = "openid profile email";

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final Pattern FORM_END = Pattern.compile("</form\\s*>", Pattern.CASE_INSENSITIVE);

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /** One attribute of a tag: name, then a value in double quotes, single quotes or none. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private final String host;

    private final int port;

    private final int timeoutMillis;

    private final String realmPath;

    KeycloakSignIn(String host, int port, int timeoutMillis, String realm) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.realmPath = "/realms/" + realm;
    }

    void signIn(String user, String password, long[] steps) throws Failure {
        String verifier = Visits.randomUrlSafe(48);
        String state = Visits.randomUrlSafe(16);
        Map<String, String> cookies = new LinkedHashMap<>();
        try (HttpConnection connection = new HttpConnection(host, port, timeoutMillis)) {
            String query = "client_id=" + Visits.CLIENT_ID + "&response_type=code&scope=" + Visits.encode(SCOPE)
                    + "&redirect_uri=" + Visits.encode(Visits.REDIRECT_URI) + "&state=" + state + "&code_challenge="
                    + Visits.challenge(verifier) + "&code_challenge_method=S256";
            long t0 = System.nanoTime();
            Response page = Visits.get(connection, realmPath + "/protocol/openid-connect/auth?" + query, cookies);
            LoginForm form = loginForm(page);
            long t1 = System.nanoTime();
            StringBuilder body = new StringBuilder(128).append("username=").append(Visits.encode(user))
                    .append("&password=").append(Visits.encode(password));
            form.hidden.forEach((name, value) -> body.append('&').append(Visits.encode(name)).append('=')
                    .append(Visits.encode(value)));
            Response posted = Visits.exchange(connection, "POST", Visits.target(form.action), cookies, body.toString());
            String back = Visits.redirect(posted, Visits.REDIRECT_URI);
            long t2 = System.nanoTime();
            Map<String, String> parameters = query(back);
            if (!state.equals(parameters.get("state")) || parameters.getOrDefault("code", "").isEmpty()) {
                throw new Failure(Failure.Kind.UNEXPECTED, "redirect without the code or the same state: " + back);
            }
            steps[0] = t1 - t0;
            steps[1] = t2 - t1;
        }
    }

    /** The login form's action URL (HTML entities decoded) and its hidden fields. */
    record LoginForm(String action, Map<String, String> hidden) {
    }

    /**
     * The login form of Keycloak's page: the form with id kc-form-login, or else the first form posting to
     * login-actions/authenticate. A 200 without it (an error page) is a failure.
     */
    static LoginForm loginForm(Response page) throws Failure {
        if (page.status() != 200) {
            throw new Failure(Failure.Kind.UNEXPECTED, "the authorization request answered " + page.status()
                    + (page.header("location") == null ? "" : " to " + page.header("location")));
        }
        String html = page.text();
        Matcher form = FORM.matcher(html);
        Map<String, String> chosen = null;
        int start = -1;
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group());
            String action = attributes.getOrDefault("action", "");
            boolean login = "kc-form-login".equals(attributes.get("id"));
            if (login || (chosen == null && action.contains("/login-actions/authenticate"))) {
                chosen = attributes;
                start = form.end();
                if (login) {
                    break;
                }
            }
        }
        if (chosen == null || chosen.getOrDefault("action", "").isEmpty()) {
            throw new Failure(Failure.Kind.UNEXPECTED, "no login form in Keycloak's page");
        }
        Matcher end = FORM_END.matcher(html);
        String inside = html.substring(start, end.find(start) ? end.start() : html.length());
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(inside);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group());
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                hidden.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return new LoginForm(chosen.get("action"), hidden);
    }

    /** The attributes of one start tag, names in lower case, values with their HTML entities decoded. */
    static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int nameEnd = 1;
        while (nameEnd < tag.length() && !Character.isWhitespace(tag.charAt(nameEnd)) && tag.charAt(nameEnd) != '>') {
            nameEnd++;
        }
        Matcher attribute = ATTRIBUTE.matcher(tag.substring(nameEnd, tag.length() - 1));
        while (attribute.find()) {
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4) != null ? attribute.group(4) : "";
            attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    /** HTML character references: the named ones an attribute value may hold here, and numeric ones. */
    static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        Matcher entity = ENTITY.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /** The query parameters of a URL, decoded (the first value of each). */
    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = url.indexOf('?');
        if (question < 0) {
            return parameters;
        }
        int hash = url.indexOf('#', question);
        for (String pair : url.substring(question + 1, hash < 0 ? url.length() : hash).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
