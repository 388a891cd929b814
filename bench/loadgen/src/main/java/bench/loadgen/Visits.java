package bench.loadgen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bench.loadgen.HttpConnection.Failure;
import bench.loadgen.HttpConnection.Response;

/**
 * What one visitor does, on a new connection with no cookie: {@link #signIn} (the authorization-code flow for the
 * "interactive" client with PKCE, through the real sign-in form, up to the redirect that carries the code) or
 * {@link #loginPage} (the sign-in page alone). Each records the time of each of its requests in {@code steps}. Its
 * request, cookie and redirect helpers serve {@link KeycloakSignIn} too.
 */
final class Visits {

    static final String CLIENT_ID = "interactive";

    static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/interactive";

    static final String SCOPE = "openid profile email scope2";

    /** The requests of a sign-in, in order. */
    static final List<String> SIGN_IN_STEPS = List.of("authorize", "login_page", "login_post", "code_redirect");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String host;

    private final int port;

    private final int timeoutMillis;

    Visits(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * GET /oauth2/authorize (302 to /login), GET /login (the form and its CSRF token), POST /login (302 back to the
     * authorization request), GET that request again (302 to the client's redirect URI with code and state). The
     * user's consent is remembered, so no consent page comes between.
     */
    void signIn(String user, String password, long[] steps) throws Failure {
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        Map<String, String> cookies = new LinkedHashMap<>();
        try (HttpConnection connection = new HttpConnection(host, port, timeoutMillis)) {
            String query = "response_type=code&client_id=" + CLIENT_ID + "&redirect_uri=" + encode(REDIRECT_URI)
                    + "&scope=" + encode(SCOPE) + "&state=" + state + "&code_challenge=" + challenge(verifier)
                    + "&code_challenge_method=S256";
            long t0 = System.nanoTime();
            Response authorize = get(connection, "/oauth2/authorize?" + query, cookies);
            String login = redirect(authorize, "/login");
            long t1 = System.nanoTime();
            Response page = get(connection, target(login), cookies);
            String csrf = csrf(page);
            long t2 = System.nanoTime();
            Response posted = exchange(connection, "POST", "/login", cookies, "username=" + encode(user) + "&password="
                    + encode(password) + "&_csrf=" + encode(csrf));
            String resumed = redirect(posted, "/oauth2/authorize");
            long t3 = System.nanoTime();
            Response answer = get(connection, target(resumed), cookies);
            String back = redirect(answer, REDIRECT_URI);
            long t4 = System.nanoTime();
            if (!back.contains("code=") || !back.contains("state=" + state)) {
                throw new Failure(Failure.Kind.UNEXPECTED, "redirect without the code or the state: " + back);
            }
            steps[0] = t1 - t0;
            steps[1] = t2 - t1;
            steps[2] = t3 - t2;
            steps[3] = t4 - t3;
        }
    }

    /** GET /login with no session: the page, its new session and CSRF token. */
    void loginPage(long[] steps) throws Failure {
        try (HttpConnection connection = new HttpConnection(host, port, timeoutMillis)) {
            long t0 = System.nanoTime();
            csrf(get(connection, "/login", new LinkedHashMap<>()));
            steps[0] = System.nanoTime() - t0;
        }
    }

    static Response get(HttpConnection connection, String target, Map<String, String> cookies) throws Failure {
        return exchange(connection, "GET", target, cookies, null);
    }

    static Response exchange(HttpConnection connection, String method, String target, Map<String, String> cookies,
            String form) throws Failure {
        List<String> headers = new ArrayList<>(3);
        headers.add("Accept: text/html");
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder("Cookie: ");
            cookies.forEach((name, value) -> cookie.append(name).append('=').append(value).append("; "));
            headers.add(cookie.substring(0, cookie.length() - 2));
        }
        Response response = connection.send(method, target, headers, form);
        for (String set : response.all("set-cookie")) {
            int semicolon = set.indexOf(';');
            String pair = semicolon < 0 ? set : set.substring(0, semicolon);
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String value = pair.substring(equals + 1);
                boolean expired = set.toLowerCase().contains("max-age=0");
                if (value.isEmpty() || expired) {
                    cookies.remove(pair.substring(0, equals));
                }
                else {
                    cookies.put(pair.substring(0, equals), value);
                }
            }
        }
        return response;
    }

    /** The Location of a 302 that must go to {@code expected} (a path on this server, or an absolute URL). */
    static String redirect(Response response, String expected) throws Failure {
        String location = response.header("location");
        if (response.status() != 302 || location == null) {
            throw new Failure(Failure.Kind.UNEXPECTED, "expected a redirect to " + expected + ", got " + response.status()
                    + (location == null ? "" : " to " + location));
        }
        boolean matches = expected.startsWith("http") ? location.startsWith(expected)
                : target(location).startsWith(expected);
        if (!matches) {
            throw new Failure(Failure.Kind.UNEXPECTED, "expected a redirect to " + expected + ", got one to " + location);
        }
        return location;
    }

    private static String csrf(Response page) throws Failure {
        if (page.status() != 200) {
            throw new Failure(Failure.Kind.UNEXPECTED, "the sign-in page answered " + page.status());
        }
        Matcher token = CSRF.matcher(page.text());
        if (!token.find()) {
            throw new Failure(Failure.Kind.UNEXPECTED, "no CSRF token in the sign-in page");
        }
        return token.group(1);
    }

    /** The path and query of a Location (absolute on this server, or already a path). */
    static String target(String location) {
        if (location.startsWith("/")) {
            return location;
        }
        int scheme = location.indexOf("://");
        int path = scheme < 0 ? -1 : location.indexOf('/', scheme + 3);
        return path < 0 ? "/" : location.substring(path);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
