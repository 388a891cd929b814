package com.example.authserver.registration;

import com.example.authserver.support.RawHttp;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the registration endpoint as a client would, from a loopback address of its own (127.42.x.y), so that the
 * open registrations of one test never count against another's limit per address.
 */
final class Registrar {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** One answer: status, parsed JSON body (empty for none), and the raw response. */
    record Answer(int status, Map<String, Object> json, RawHttp.Response raw) {

        String error() {
            return (String) json.get("error");
        }

        String string(String name) {
            return (String) json.get(name);
        }
    }

    private final RawHttp http;

    private final InetAddress address;

    Registrar(int port) {
        int n = ADDRESSES.incrementAndGet();
        try {
            this.address = InetAddress.getByName("127.42." + (n / 250) + "." + (1 + n % 250));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        this.http = new RawHttp(port, address);
    }

    InetAddress address() {
        return address;
    }

    Answer register(Object metadata) {
        return send("POST", RegistrationEndpoint.PATH, null, json(metadata), "application/json");
    }

    Answer register(Object metadata, String initialToken) {
        return send("POST", RegistrationEndpoint.PATH, initialToken, json(metadata), "application/json");
    }

    Answer read(String clientId, String token) {
        return send("GET", RegistrationEndpoint.PATH + "/" + clientId, token, null, null);
    }

    Answer update(String clientId, String token, Object metadata) {
        return send("PUT", RegistrationEndpoint.PATH + "/" + clientId, token, json(metadata), "application/json");
    }

    Answer delete(String clientId, String token) {
        return send("DELETE", RegistrationEndpoint.PATH + "/" + clientId, token, null, null);
    }

    Answer send(String method, String path, String token, byte[] body, String contentType) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        }
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        RawHttp.Response response = http.send(new RawHttp.Request(method, path, headers, body));
        Map<String, Object> parsed = Map.of();
        if (response.body().startsWith("{")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = JSON.readValue(response.body(), Map.class);
            parsed = object;
        }
        return new Answer(response.status(), parsed, response);
    }

    static byte[] json(Object metadata) {
        return metadata instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(metadata);
    }

    /** The metadata of a public native app or agent: loopback redirect URI, PKCE, no secret. */
    static Map<String, Object> publicClient() {
        return Map.of(
                "client_name",
                "Agent " + ADDRESSES.get(),
                "redirect_uris",
                List.of("http://127.0.0.1:49152/callback"),
                "grant_types",
                List.of("authorization_code", "refresh_token"),
                "response_types",
                List.of("code"),
                "token_endpoint_auth_method",
                "none",
                "scope",
                "openid mcp:tools");
    }

    /** The same metadata with one field replaced (or removed, with a null value). */
    static Map<String, Object> with(Map<String, Object> metadata, String field, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(metadata);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }
}
