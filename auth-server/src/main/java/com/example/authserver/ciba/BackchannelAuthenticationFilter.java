package com.example.authserver.ciba;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backchannel authentication endpoint, {@code POST /oauth2/bc-authorize}, as a filter of the protocol chain like
 * the framework's endpoints: after the client authentication filter ({@link CibaProtocol}) and the authorization
 * filter, so only an authenticated client gets here. It answers the JSON of CIBA Core sections 7.3 and 13.
 */
class BackchannelAuthenticationFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackchannelAuthentication backchannel;

    BackchannelAuthenticationFilter(BackchannelAuthentication backchannel) {
        this.backchannel = backchannel;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CibaProtocol.ENDPOINT.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2ClientAuthenticationToken client)
                || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            // a signed-in user's session cookie is no client authentication
            write(response, 401, error(CibaError.INVALID_CLIENT, "Client authentication is required."));
            return;
        }
        try {
            CibaRequests.Started started =
                    backchannel.start(client.getRegisteredClient(), formParameters(request), request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("auth_req_id", started.authReqId());
            body.put(
                    "expires_in",
                    started.request().expiresAt().getEpochSecond()
                            - started.request().createdAt().getEpochSecond());
            body.put("interval", started.request().intervalSeconds());
            write(response, 200, body);
        } catch (CibaError ex) {
            if (ex.status() == 429) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            }
            write(response, ex.status(), error(ex.code(), ex.getMessage()));
        }
    }

    /**
     * The parameters of the form body only, as the framework's endpoints take them: a parameter also in the query
     * string is left out (a URL ends up in logs and histories, so no client should put a request there).
     */
    private static Map<String, List<String>> formParameters(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!query.contains(name)) {
                parameters.put(name, new ArrayList<>(List.of(values)));
            }
        });
        return parameters;
    }

    private static Map<String, Object> error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return body;
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
