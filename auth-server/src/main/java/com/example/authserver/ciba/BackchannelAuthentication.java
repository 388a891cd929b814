package com.example.authserver.ciba;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import com.example.authserver.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * What the backchannel authentication endpoint does with a request from an authenticated client (CIBA Core section
 * 7): checks every parameter, counts the request against the client's rate limit, finds the user by
 * {@code login_hint} (user name or email address), stores the request and tells the user by email. Only poll mode,
 * only {@code login_hint}: {@code login_hint_token}, {@code id_token_hint}, {@code user_code}, {@code acr_values},
 * signed requests and notification tokens are refused rather than ignored, so a client never believes something
 * was honoured that was not.
 */
@Component
class BackchannelAuthentication {

    /** Longer than any user name or email address the user store holds. */
    static final int MAX_LOGIN_HINT = 256;

    /** Code points: the message is shown to the user as is, on the client's device and on /ciba. */
    static final int MAX_BINDING_MESSAGE = 64;

    static final int MAX_SCOPE = 1000;

    private static final List<String> UNSUPPORTED = List.of(
            "login_hint_token",
            "id_token_hint",
            "user_code",
            "acr_values",
            "request",
            "request_uri",
            "client_notification_token");

    private final CibaRequests requests;

    private final CibaProperties properties;

    private final UserManager userManager;

    private final RateLimits rateLimits;

    private final CibaMail mail;

    BackchannelAuthentication(
            CibaRequests requests,
            CibaProperties properties,
            UserManager userManager,
            RateLimits rateLimits,
            CibaMail mail) {
        this.requests = requests;
        this.properties = properties;
        this.userManager = userManager;
        this.rateLimits = rateLimits;
        this.mail = mail;
    }

    /** Starts the request, or throws {@link CibaError}. {@code parameters}: the form parameters only. */
    CibaRequests.Started start(
            RegisteredClient client, Map<String, List<String>> parameters, HttpServletRequest httpRequest) {
        if (!client.getAuthorizationGrantTypes().contains(CibaProtocol.GRANT_TYPE)) {
            throw new CibaError(CibaError.UNAUTHORIZED_CLIENT, "The client may not use CIBA.");
        }
        parameters.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new CibaError(CibaError.INVALID_REQUEST, "Parameter " + safeName(name) + " is repeated.");
            }
        });
        for (String name : UNSUPPORTED) {
            if (parameters.containsKey(name)) {
                throw new CibaError(CibaError.INVALID_REQUEST, "Parameter " + name + " is not supported.");
            }
        }
        Set<String> scopes = scopes(client, single(parameters, "scope"));
        String loginHint = loginHint(single(parameters, "login_hint"));
        String bindingMessage = bindingMessage(single(parameters, "binding_message"));
        Duration lifetime = lifetime(single(parameters, "requested_expiry"));
        // counted only now: a request that gets this far looks a user up, which is what the limit is there for
        rateLimits
                .tryRequest("ciba/per-client", properties.getRateLimit(), client.getId())
                .ifPresent(wait -> {
                    throw new CibaError(
                            CibaError.SLOW_DOWN,
                            "Too many requests; try again in " + Math.max(1, wait.toSeconds()) + " seconds.",
                            429);
                });
        ApplicationUser user = userManager
                .findByNameOrEmail(loginHint)
                .filter(userManager::isActive)
                .orElseThrow(() -> new CibaError(CibaError.UNKNOWN_USER_ID, "No such user."));
        CibaRequests.Started started = requests.start(
                client.getId(), user.getId(), scopes, bindingMessage, lifetime, properties.getInterval());
        mail.requested(user, client, started.request(), httpRequest);
        return started;
    }

    private static Set<String> scopes(RegisteredClient client, String scope) {
        if (scope == null || scope.isBlank()) {
            throw new CibaError(CibaError.INVALID_REQUEST, "Parameter scope is required.");
        }
        if (scope.length() > MAX_SCOPE) {
            throw new CibaError(CibaError.INVALID_SCOPE, "Too many scopes.");
        }
        Set<String> scopes = new LinkedHashSet<>(List.of(scope.trim().split(" +")));
        if (!scopes.contains("openid")) {
            throw new CibaError(CibaError.INVALID_SCOPE, "The scope must include openid.");
        }
        if (!client.getScopes().containsAll(scopes)) {
            throw new CibaError(CibaError.INVALID_SCOPE, "A scope is not allowed for the client.");
        }
        return scopes;
    }

    private static String loginHint(String loginHint) {
        if (loginHint == null || loginHint.isBlank()) {
            throw new CibaError(CibaError.INVALID_REQUEST, "Parameter login_hint is required.");
        }
        if (loginHint.length() > MAX_LOGIN_HINT || !isPrintable(loginHint)) {
            throw new CibaError(CibaError.INVALID_REQUEST, "Parameter login_hint is not a user name or email address.");
        }
        return loginHint.trim();
    }

    private static String bindingMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new CibaError(CibaError.INVALID_REQUEST, "Parameter binding_message is required.");
        }
        String trimmed = message.trim();
        if (trimmed.length() > 2 * MAX_BINDING_MESSAGE
                || trimmed.codePointCount(0, trimmed.length()) > MAX_BINDING_MESSAGE) {
            throw new CibaError(
                    CibaError.INVALID_BINDING_MESSAGE,
                    "The binding message is longer than " + MAX_BINDING_MESSAGE + " characters.");
        }
        if (!isPrintable(trimmed)) {
            throw new CibaError(CibaError.INVALID_BINDING_MESSAGE, "The binding message has characters not allowed.");
        }
        return trimmed;
    }

    private Duration lifetime(String requestedExpiry) {
        if (requestedExpiry == null) {
            return properties.getLifetime();
        }
        long maxSeconds = properties.getMaxLifetime().toSeconds();
        if (!requestedExpiry.matches("[0-9]{1,9}")
                || Long.parseLong(requestedExpiry) < 1
                || Long.parseLong(requestedExpiry) > maxSeconds) {
            throw new CibaError(
                    CibaError.INVALID_REQUEST,
                    "Parameter requested_expiry must be a number of seconds from 1 to " + maxSeconds + ".");
        }
        return Duration.ofSeconds(Long.parseLong(requestedExpiry));
    }

    /** Letters, marks, numbers, punctuation, symbols and plain spaces: no control, format or private-use characters. */
    static boolean isPrintable(String text) {
        return text.codePoints()
                .allMatch(point -> point == ' '
                        || switch (Character.getType(point)) {
                            case Character.CONTROL,
                                    Character.FORMAT,
                                    Character.PRIVATE_USE,
                                    Character.SURROGATE,
                                    Character.UNASSIGNED,
                                    Character.LINE_SEPARATOR,
                                    Character.PARAGRAPH_SEPARATOR,
                                    Character.SPACE_SEPARATOR -> false;
                            default -> true;
                        });
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A parameter name as an error may repeat it: a known one, or none. */
    private static String safeName(String name) {
        return name.matches("[a-z_]{1,40}") ? name : "(unknown)";
    }
}
