package com.example.authserver.registration;

import com.example.authserver.ratelimit.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration endpoint, as a filter of the protocol chain like the framework's endpoints, in front of its bearer
 * token authentication (the tokens here are this feature's own, not JWTs): {@code POST /oauth2/register} registers
 * (RFC 7591), and {@code GET}, {@code PUT}, {@code DELETE /oauth2/register/<client_id>} read, update and delete the
 * registration with its registration access token (RFC 7592). Every refusal is RFC 7591 error JSON; bodies are JSON
 * objects of at most 64 KB, anything else is {@code invalid_client_metadata}.
 */
final class RegistrationEndpoint extends OncePerRequestFilter {

    static final String PATH = "/oauth2/register";

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientRegistrationService registrations;

    private final RateLimits rateLimits;

    private final RegistrationProperties properties;

    RegistrationEndpoint(
            ClientRegistrationService registrations, RateLimits rateLimits, RegistrationProperties properties) {
        this.registrations = registrations;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.equals(PATH) && !path.startsWith(PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        String method = request.getMethod();
        try {
            if (path.equals(PATH)) {
                if (!"POST".equals(method)) {
                    response.setHeader(HttpHeaders.ALLOW, "POST");
                    write(response, 405, error("invalid_request", "register with POST"));
                    return;
                }
                register(request, response);
                return;
            }
            String clientId = path.substring(PATH.length() + 1);
            String token = bearerToken(request);
            switch (method) {
                case "GET" -> write(response, 200, describe(registrations.read(clientId, token), request));
                case "PUT" ->
                    write(response, 200, describe(registrations.update(clientId, token, body(request)), request));
                case "DELETE" -> {
                    registrations.delete(clientId, token);
                    response.setStatus(204);
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
                default -> {
                    response.setHeader(HttpHeaders.ALLOW, "GET, PUT, DELETE");
                    write(
                            response,
                            405,
                            error("invalid_request", "read with GET, update with PUT, delete with DELETE"));
                }
            }
        } catch (RegistrationError refused) {
            if (refused.status() == 401) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            }
            write(response, refused.status(), error(refused.code(), refused.getMessage()));
        }
    }

    private void register(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String initialToken = bearerToken(request);
        if (initialToken == null && properties.isOpen()) {
            // every open attempt counts, good or bad: the limit is on what one address may make the server do
            Optional<Duration> wait = rateLimits.tryRequest(
                    "client-registration/per-ip", properties.getRateLimit(), request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, wait.get().toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                throw RegistrationError.tooMany(
                        "Too many registrations from this address; try again in " + seconds + " seconds.");
            }
        }
        Map<String, Object> metadata = body(request);
        ClientRegistrationService.Result result = registrations.register(metadata, initialToken);
        write(response, 201, describe(result, request));
    }

    private static Map<String, Object> describe(ClientRegistrationService.Result result, HttpServletRequest request) {
        return ClientRegistrationService.describe(
                result, issuer(request) + PATH + "/" + result.client().getClientId());
    }

    /** The issuer this request was made to (configured, or in development the request's own host). */
    private static String issuer(HttpServletRequest request) {
        var context = AuthorizationServerContextHolder.getContext();
        return context != null ? context.getIssuer() : "";
    }

    /** The JSON object sent: refused unless it is one, of JSON type, and small. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpServletRequest request) throws IOException {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException unreadable) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            throw RegistrationError.metadata("send the client metadata as application/json");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw RegistrationError.metadata("the client metadata must be at most " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw RegistrationError.metadata("the client metadata must be at most " + MAX_BODY_BYTES + " bytes");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JacksonException malformed) {
            throw RegistrationError.metadata("the client metadata is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw RegistrationError.metadata("the client metadata must be a JSON object");
        }
        return (Map<String, Object>) object;
    }

    /** The token of {@code Authorization: Bearer <token>}; null without one. */
    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) {
            throw RegistrationError.token("send the token as Authorization: Bearer <token>");
        }
        return header.substring(7).strip();
    }

    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    private static Map<String, Object> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
