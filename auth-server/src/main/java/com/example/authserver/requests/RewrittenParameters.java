package com.example.authserver.requests;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The request with other parameters: those of a verified request object, or the pushed request without the client's
 * credentials. The framework's converter reads GET parameters as those named in the query string and POST parameters as
 * those that are not, so the query string is rewritten to match.
 */
final class RewrittenParameters extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters = new LinkedHashMap<>();

    private final String queryString;

    RewrittenParameters(HttpServletRequest request, MultiValueMap<String, String> parameters) {
        super(request);
        parameters.forEach((name, values) -> this.parameters.put(name, values.toArray(String[]::new)));
        this.queryString = "GET".equals(request.getMethod())
                ? parameters.entrySet().stream()
                        .flatMap(entry ->
                                entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                        .collect(Collectors.joining("&"))
                : null;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(List.copyOf(parameters.keySet()));
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
