package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The sessions the sweep sends its cases in, made as a browser makes them: a GET of a page gives the session cookie
 * and the CSRF token of its forms, a POST of the sign-in form signs a user in. Cases that carry these reach past the
 * CSRF check to the controllers; the others (no cookie, someone else's token, none) deliberately do not.
 */
final class SweepSessions {

    /** Who sends a case: a stranger without cookies, or a browser with a session and the CSRF token of its pages. */
    record Visit(String cookie, String csrfToken, boolean signedIn, String description) {

        static final Visit STRANGER = new Visit(null, null, false, "no session");
    }

    private final RawHttp http;

    SweepSessions(RawHttp http) {
        this.http = http;
    }

    /** A visitor's new session, with the CSRF token of the sign-in page's form. */
    Visit visitor() {
        RawHttp.Response login = get("/login", null);
        String cookie = sessionCookie(login);
        return new Visit(cookie, csrfToken(login), false, "visitor session");
    }

    /** Strangers (no cookie) and three visitors' sessions of their own, for one endpoint's cases. */
    Gen<Visit> visitors() {
        return Gen.oneOf(Visit.STRANGER, visitor(), visitor(), visitor());
    }

    /** A user signed in with a password, in a session of their own, and the CSRF token of the profile page. */
    Visit signedIn(String userName, String password) {
        Visit session = signIn(userName, password, "/account/profile", true);
        return new Visit(session.cookie(), session.csrfToken(), true, "signed in as " + userName);
    }

    /** The first step of signing in done for a user with two-factor sign-in: the code page's session and token. */
    Visit waitingForSecondFactor(String userName, String password) {
        Visit session = signIn(userName, password, "/login/two-factor", false);
        return new Visit(
                session.cookie(), session.csrfToken(), false, "password of " + userName + " accepted, code asked");
    }

    /** Whether the session is still signed in: the account page shows, rather than a redirect to sign in. */
    boolean isSignedIn(Visit visit) {
        return get("/account", visit.cookie()).status() == 200;
    }

    /** Signs in with the sign-in form, then opens {@code then} in the session: its cookie and CSRF token. */
    private Visit signIn(String userName, String password, String then, boolean signedIn) {
        Visit visitor = visitor();
        String form = "username=" + encode(userName) + "&password=" + encode(password) + "&_csrf="
                + encode(visitor.csrfToken());
        RawHttp.Response answer = http.send(new RawHttp.Request(
                "POST",
                "/login",
                List.of(
                        Map.entry("Cookie", visitor.cookie()),
                        Map.entry("Content-Type", "application/x-www-form-urlencoded")),
                form.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).as("signing in %s", userName).isEqualTo(302);
        String cookie = answer.header("set-cookie").isPresent() ? sessionCookie(answer) : visitor.cookie();
        RawHttp.Response page = get(then, cookie);
        assertThat(page.status())
                .as("%s after the password of %s", then, userName)
                .isEqualTo(200);
        return new Visit(cookie, csrfToken(page), signedIn, then);
    }

    private RawHttp.Response get(String path, String cookie) {
        List<Map.Entry<String, String>> headers = cookie == null
                ? List.of(Map.entry("Accept", "text/html"))
                : List.of(Map.entry("Accept", "text/html"), Map.entry("Cookie", cookie));
        return http.send(new RawHttp.Request("GET", path, headers, null));
    }

    private static String sessionCookie(RawHttp.Response response) {
        return response.headers("set-cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.split(";", 2)[0])
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String csrfToken(RawHttp.Response page) {
        Element token = Jsoup.parse(page.body()).selectFirst("input[name=_csrf]");
        assertThat(token).as("a CSRF token on the page:%n%s", page.body()).isNotNull();
        return token.val();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
