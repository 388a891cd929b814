package com.example.authserver.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Connection.KeyVal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A browser without JavaScript for the tests: real HTTP with a cookie jar (so the session and CSRF
 * token work), pages parsed with jsoup, forms submitted with the values their fields hold. {@code get}
 * and {@code post} return the raw response; {@link #follow} and the {@code navigate}/{@code submit}
 * methods follow redirects within this server and stop at one to anywhere else (a client's redirect URI).
 */
public class Browser {

    private static final int MAX_REDIRECTS = 10;

    /** What a browser sends when it navigates: the server picks HTML (pages, sign-in redirects) by it. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http;

    private final String baseUrl;

    /** Sent with every request (see {@link #withHeader}). */
    private final Map<String, String> headers;

    public Browser(int port) {
        this("http://localhost:" + port);
    }

    public Browser(String baseUrl) {
        this(
                baseUrl,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                Map.of());
    }

    private Browser(String baseUrl, HttpClient http, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.headers = headers;
    }

    /**
     * The same browser, with its cookies, pointed at another server on this host (cookies do not care
     * about ports): another instance, or the same server after a restart on a new port.
     */
    public Browser onServer(String otherBaseUrl) {
        return new Browser(otherBaseUrl, http, headers);
    }

    /**
     * The same browser, with its cookies, sending one more header with every request: what a proxy in front of the
     * server adds ({@code X-Forwarded-For}, ...), or what a client forges.
     */
    public Browser withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Browser(baseUrl, http, Map.copyOf(more));
    }

    /** The answer to one request: status, URL, Location header, body and all headers. */
    public record Page(int status, URI uri, String location, String body, Map<String, List<String>> headers) {

        public Page(int status, URI uri, String location, String body) {
            this(status, uri, location, body, Map.of());
        }

        /** The first value of the header, case-insensitive, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public FormElement form(String cssQuery) {
            FormElement form = (FormElement) document().selectFirst(cssQuery);
            assertThat(form).as("form %s on %s:%n%s", cssQuery, uri, body).isNotNull();
            return form;
        }

        public boolean isRedirect() {
            return status / 100 == 3 && location != null;
        }
    }

    /** One GET, redirects not followed. */
    public Page get(String urlOrPath) {
        return send(navigation(resolve(urlOrPath)).GET().build());
    }

    /** One form POST, redirects not followed. */
    public Page post(String urlOrPath, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(navigation(resolve(urlOrPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * One call of a JSON API with this browser's cookies (a signed-in user's session), as a script on the server's own
     * pages would make it; {@code json} null for none. Redirects are not followed.
     */
    public Page api(String method, String urlOrPath, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(urlOrPath)).header("Accept", "application/json");
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Follows redirects on this server until a page is shown or the browser is sent elsewhere. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.isRedirect() && hops < MAX_REDIRECTS; hops++) {
            URI next = current.uri().resolve(current.location());
            if (!next.toString().startsWith(baseUrl)) {
                return new Page(current.status(), next, current.location(), current.body(), current.headers());
            }
            current = get(next.toString());
        }
        return current;
    }

    /** Opens a page as a person typing its address would: following redirects. */
    public Page navigate(String urlOrPath) {
        return follow(get(urlOrPath));
    }

    /** Submits the form with the values its fields now hold (unchecked boxes are left out), following redirects. */
    public Page submit(FormElement form) {
        assertThat(form.attr("method")).as("forms post").isEqualToIgnoringCase("post");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (KeyVal field : form.formData()) {
            fields.add(Map.entry(field.key(), field.value()));
        }
        return follow(post(form.absUrl("action"), fields));
    }

    /** Submits the form matched by the selector, with some fields set to other values; follows no redirect. */
    public Page submit(Page page, String formSelector, Map<String, String> overrides) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        FormElement form = page.form(formSelector);
        for (KeyVal field : form.formData()) {
            if (!overrides.containsKey(field.key())) {
                fields.add(Map.entry(field.key(), field.value()));
            }
        }
        overrides.forEach((name, value) -> fields.add(Map.entry(name, value)));
        return post(form.absUrl("action"), fields);
    }

    /** Fills in and submits the sign-in form, as a person would, following redirects. */
    public Page signIn(String userName, String password) {
        return signIn(navigate("/login"), userName, password);
    }

    public Page signIn(Page loginPage, String userName, String password) {
        FormElement form = loginPage.form("form[action$=/login]");
        form.selectFirst("#username").val(userName);
        form.selectFirst("#password").val(password);
        return submit(form);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.uri(),
                    response.headers().firstValue("Location").orElse(null),
                    response.body(),
                    response.headers().map());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private HttpRequest.Builder navigation(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", ACCEPT);
        headers.forEach(request::header);
        return request;
    }

    private URI resolve(String urlOrPath) {
        return URI.create(urlOrPath.startsWith("http") ? urlOrPath : baseUrl + urlOrPath);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
